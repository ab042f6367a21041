package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.queuejob.dev.AppServer;
import org.queuejob.it.broken.BrokenJobDefaultsJobs;
import org.queuejob.it.broken.CsvExportJobs;
import org.queuejob.it.broken.ExportJobs;
import org.queuejob.it.broken.HiddenJobs;
import org.queuejob.it.broken.MisplacedJobs;
import org.queuejob.it.broken.PdfExportJobs;
import org.queuejob.it.broken.UnknownRelatedActionJobs;
import org.queuejob.it.support.ItEnvironment;
import org.queuejob.it.support.TestDeployments;

/** Bad configuration stops the deployment with a message that names what is wrong, before any job is touched. */
class ConfigurationIT {

    /**
     * Two applications on one server named their queues alike (the default names the server): both took the jobs
     * handed to that name, and each failed those whose function only the other had.
     */
    @Test
    void aSecondApplicationUnderTheSameWorkerName_isRefused_andRunsUnderANameOfItsOwn() throws Exception {
        try (AutoCloseable first = TestDeployments.deployedUntilClosed(TestDeployments.queueJobWar("first-queue-it"))) {
            Path log = ItEnvironment.domain().serverLog();
            long logBefore = Files.size(log);
            AppServer.Result sameName = TestDeployments.tryDeploying(TestDeployments.queueJobWar("same-name-it"));

            assertThat(sameName.succeeded()).isFalse();
            // Payara's answer only says the lifecycle bean failed; the reason is in its log (WildFly's has both).
            assertThat(sameName.output() + logSince(log, logBefore))
                    .contains("Queue job not started: another running queue already uses the worker name '")
                    .contains("Give each application or server its own queue-job.worker-name");

            AppServer.Result ownName = TestDeployments.tryDeploying(TestDeployments.queueJobWar("own-name-it")
                    .addAsResource(
                            TestDeployments.configWith("queue-job.worker-name=own-name-it"),
                            "META-INF/microprofile-config.properties"));

            assertThat(ownName.succeeded()).as(ownName.output()).isTrue();
        }
    }

    @Test
    void malformedChannelStringFailsTheDeploymentNamingTheBadEntry() throws Exception {
        WebArchive war = TestDeployments.queueJobWar("bad-channels-it")
                .addAsResource(
                        new StringAsset("queue-job.channels=root:4,root.mail:two\n"),
                        "META-INF/microprofile-config.properties");
        AppServer.Result result = TestDeployments.tryDeploying(war);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).contains("Invalid channel config entry 'root.mail:two'");
    }

    @Test
    void jobAnnotationNamingAnUnknownRelatedActionFailsTheDeployment() throws Exception {
        WebArchive war = TestDeployments.queueJobWar("bad-related-action-it").addClass(UnknownRelatedActionJobs.class);
        AppServer.Result result = TestDeployments.tryDeploying(war);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).contains("No related action named 'nowhere'");
    }

    /**
     * The channel failed the deployment with "Initialization failed for Singleton QueueJobLifecycle", naming neither
     * the method nor the rule; negative retries deployed and were refused at every call.
     */
    @Test
    void jobAnnotationsWhoseDefaultsBreakTheOptionsRulesFailTheDeploymentNamingEach() throws Exception {
        WebArchive war = TestDeployments.queueJobWar("bad-job-defaults-it").addClass(BrokenJobDefaultsJobs.class);
        AppServer.Result result = TestDeployments.tryDeploying(war);

        assertThat(result.succeeded()).isFalse();
        String jobs = BrokenJobDefaultsJobs.class.getName();
        assertThat(result.output())
                .contains("@Job on " + jobs + ".capacityInTheChannelName: Channel name 'root.mail:3' is not a"
                        + " channel name")
                .contains("@Job on " + jobs + ".negativeRetries: Max. retries cannot be negative: -1")
                .contains("@Job on " + jobs + ".negativeTimeout: timeoutSeconds must be a whole number of seconds"
                        + " greater than 0, or 0 for the configured default (queue-job.job-timeout-seconds), got -5");
    }

    @Test
    void anInterruptSettingThatIsNeitherTrueNorFalseFailsTheDeploymentNamingIt() throws Exception {
        WebArchive war = TestDeployments.queueJobWar("bad-interrupt-it")
                .addAsResource(
                        new StringAsset("queue-job.job-timeout-interrupt=yes\n"),
                        "META-INF/microprofile-config.properties");
        AppServer.Result result = TestDeployments.tryDeploying(war);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).contains("queue-job.job-timeout-interrupt: \"yes\" is neither true nor false.");
    }

    /**
     * Misuses that compile and deployed: a {@code @Job} method inherited by two beans ran on one of them for both;
     * one overridden without {@code @Job} ran at once and stored nothing; one on a session-scoped bean failed every
     * run; one in a transaction of its own was stored even when its caller rolled back.
     */
    @Test
    void jobMethodsNoWorkerCanRunAsTheCallerMeans_failTheDeploymentNamingEach() throws Exception {
        WebArchive war = TestDeployments.queueJobWar("misplaced-jobs-it")
                .addClasses(
                        ExportJobs.class,
                        CsvExportJobs.class,
                        PdfExportJobs.class,
                        HiddenJobs.class,
                        MisplacedJobs.class,
                        MisplacedJobs.PerUser.class,
                        MisplacedJobs.Apart.class);
        AppServer.Result result = TestDeployments.tryDeploying(war);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.output())
                .contains("@Job method " + ExportJobs.class.getName() + ".export is inherited by more than one bean")
                .contains("@Job on " + ExportJobs.class.getName() + ".archive is not seen: "
                        + HiddenJobs.class.getName() + ".archive overrides it without @Job")
                .contains("@Job method " + MisplacedJobs.PerUser.class.getName() + ".remind is on a @SessionScoped"
                        + " bean")
                .contains("@Job method " + MisplacedJobs.Apart.class.getName() + ".audit asks for a transaction type"
                        + " @Transactional(REQUIRES_NEW)");
    }

    /**
     * A typo in a switch (read as false: a server that silently ran no jobs), a number out of its range (a batch of
     * 0: nothing ever dispatched), a timeout for a job function named wrong and the override of a recurring job named
     * wrong (both ignored) were all taken as given.
     */
    @Test
    void settingsOutOfRangeOrNamingNoJobFunctionFailTheDeploymentNamingEach() throws Exception {
        WebArchive war = TestDeployments.queueJobWar("bad-settings-it")
                .addAsResource(
                        new StringAsset("queue-job.dispatch-enabled=ture\n"
                                + "queue-job.claim-batch-size=0\n"
                                + "queue-job.job-timeout-seconds.org.queuejob.it.jobs.TestJobs.nulTxt=5\n"
                                + "queue-job.recurring.nightly-reindx.cron=0 0 4 * * *\n"),
                        "META-INF/microprofile-config.properties");
        AppServer.Result result = TestDeployments.tryDeploying(war);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.output())
                .contains("queue-job.dispatch-enabled: \"ture\" is neither true nor false.")
                .contains("queue-job.claim-batch-size: \"0\" is not a whole number of jobs")
                .contains("queue-job.job-timeout-seconds.org.queuejob.it.jobs.TestJobs.nulTxt names no job function of"
                        + " this application; did you mean"
                        + " queue-job.job-timeout-seconds.org.queuejob.it.jobs.TestJobs.nulText?")
                .contains("queue-job.recurring.nightly-reindx.cron overrides no @Recurring job of this application:"
                        + " it would be ignored");
    }

    private static String logSince(Path log, long offset) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            channel.position(Math.min(offset, channel.size()));
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
