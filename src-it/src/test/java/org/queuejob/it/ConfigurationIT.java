package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.queuejob.dev.AppServer;
import org.queuejob.it.broken.BrokenJobDefaultsJobs;
import org.queuejob.it.broken.UnknownRelatedActionJobs;
import org.queuejob.it.support.ItEnvironment;
import org.queuejob.it.support.TestDeployments;

/** Bad configuration stops the deployment with a message that names what is wrong, before any job is touched. */
class ConfigurationIT {

    @Test
    void malformedChannelStringFailsTheDeploymentNamingTheBadEntry() throws Exception {
        WebArchive war = TestDeployments.queueJobWar("bad-channels-it")
                .addAsResource(
                        new StringAsset("queue-job.channels=root:4,root.mail:two\n"),
                        "META-INF/microprofile-config.properties");
        Path file = Files.createTempFile("bad-channels-it", ".war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        AppServer domain = ItEnvironment.domain();
        try {
            AppServer.Result result = domain.tryDeploy(file, "bad-channels-it");

            assertThat(result.succeeded()).isFalse();
            assertThat(result.output()).contains("Invalid channel config entry 'root.mail:two'");
        } finally {
            domain.undeploy("bad-channels-it");
            new File(file.toString()).delete();
        }
    }

    @Test
    void jobAnnotationNamingAnUnknownRelatedActionFailsTheDeployment() throws Exception {
        WebArchive war = TestDeployments.queueJobWar("bad-related-action-it").addClass(UnknownRelatedActionJobs.class);
        Path file = Files.createTempFile("bad-related-action-it", ".war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        AppServer domain = ItEnvironment.domain();
        try {
            AppServer.Result result = domain.tryDeploy(file, "bad-related-action-it");

            assertThat(result.succeeded()).isFalse();
            assertThat(result.output()).contains("No related action named 'nowhere'");
        } finally {
            domain.undeploy("bad-related-action-it");
            new File(file.toString()).delete();
        }
    }

    /**
     * The channel failed the deployment with "Initialization failed for Singleton QueueJobLifecycle", naming neither
     * the method nor the rule; negative retries deployed and were refused at every call.
     */
    @Test
    void jobAnnotationsWhoseDefaultsBreakTheOptionsRulesFailTheDeploymentNamingEach() throws Exception {
        WebArchive war = TestDeployments.queueJobWar("bad-job-defaults-it").addClass(BrokenJobDefaultsJobs.class);
        Path file = Files.createTempFile("bad-job-defaults-it", ".war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        AppServer domain = ItEnvironment.domain();
        try {
            AppServer.Result result = domain.tryDeploy(file, "bad-job-defaults-it");

            assertThat(result.succeeded()).isFalse();
            String jobs = BrokenJobDefaultsJobs.class.getName();
            assertThat(result.output())
                    .contains("@Job on " + jobs + ".capacityInTheChannelName: Channel name 'root.mail:3' is not a"
                            + " channel name")
                    .contains("@Job on " + jobs + ".negativeRetries: Max. retries cannot be negative: -1");
        } finally {
            domain.undeploy("bad-job-defaults-it");
            new File(file.toString()).delete();
        }
    }
}
