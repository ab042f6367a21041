package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.queuejob.dev.AppServer;
import org.queuejob.it.broken.MalformedCronJobs;
import org.queuejob.it.broken.MistypedArgumentsJobs;
import org.queuejob.it.broken.UnconfiguredArgumentsJobs;
import org.queuejob.it.support.TestDeployments;

/** A {@code @Recurring} declaration that cannot tick stops the deployment with a message naming the method. */
class RecurringDeclarationIT {

    private static AppServer.Result deploy(String name, Class<?> jobs) throws Exception {
        return TestDeployments.tryDeploying(TestDeployments.queueJobWar(name).addClass(jobs));
    }

    @Test
    void malformedCronFailsTheDeployment_namingTheMethodAndTheExpression() throws Exception {
        AppServer.Result result = deploy("bad-cron-it", MalformedCronJobs.class);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.output())
                .contains("@Recurring on " + MalformedCronJobs.class.getName() + ".everyFiveMinutes: The cron"
                        + " expression '0 */5 * * *' is not valid");
    }

    @Test
    void parametersWithoutConfiguredArgumentsFailTheDeployment_namingThePropertyToSet() throws Exception {
        AppServer.Result result = deploy("unconfigured-arguments-it", UnconfiguredArgumentsJobs.class);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.output())
                .contains("@Recurring method " + UnconfiguredArgumentsJobs.class.getName() + ".perRegion takes 1"
                        + " parameter(s)")
                .contains("queue-job.recurring." + UnconfiguredArgumentsJobs.class.getName() + ".perRegion.arguments");
    }

    /** They were checked only when the scheduler started: "Initialization failed for Singleton ...", nothing more. */
    @Test
    void configuredArgumentsOfTheWrongTypeFailTheDeployment_namingTheSettingAndTheArgument() throws Exception {
        String setting = "queue-job.recurring." + MistypedArgumentsJobs.NAME + ".arguments";
        AppServer.Result result = TestDeployments.tryDeploying(TestDeployments.queueJobWar("mistyped-arguments-it")
                .addClass(MistypedArgumentsJobs.class)
                .addAsResource(
                        TestDeployments.configWith(setting + "=[\"eu\", \"three\"]"),
                        "META-INF/microprofile-config.properties"));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.output())
                .contains(setting + ": Argument 2 of " + MistypedArgumentsJobs.class.getName()
                        + ".copies(String, int) must be a whole number, not the text \"three\".");
    }
}
