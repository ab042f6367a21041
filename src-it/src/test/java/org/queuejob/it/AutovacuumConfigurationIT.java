package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.queuejob.dev.AppServer;
import org.queuejob.it.support.TestDeployments;

/** A malformed autovacuum setting stops the deployment with a message naming the setting and its value. */
class AutovacuumConfigurationIT {

    @Test
    void malformedAutovacuumTimeFailsTheDeploymentNamingTheSetting() throws Exception {
        WebArchive war = TestDeployments.queueJobWar("bad-autovacuum-it")
                .addAsResource(
                        new StringAsset("queue-job.channels=root:4\nqueue-job.autovacuum.time=3am\n"),
                        "META-INF/microprofile-config.properties");
        AppServer.Result result = TestDeployments.tryDeploying(war);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).contains("queue-job.autovacuum.time: \"3am\" is not a time of day");
    }
}
