package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.queuejob.infrastructure.config.ApplicationSettings;
import org.queuejob.infrastructure.config.MapConfig;

class PerFunctionSettingsTest {

    private static final String YEARLY = "org.acme.Reports.yearly";
    private static final Set<String> FUNCTIONS = Set.of(YEARLY, "org.acme.Invoices.send", "org.acme.Mail.daily");

    @Test
    void aTimeoutGivenInTheEnvironmentAppliesToTheJobFunctionWhoseEnvironmentNameItIs() {
        JobTimeouts timeouts = new JobTimeouts();

        timeouts.read(MapConfig.of("QUEUE_JOB_JOB_TIMEOUT_SECONDS_ORG_ACME_REPORTS_YEARLY", "60"), FUNCTIONS);

        assertThat(timeouts.secondsFor(YEARLY)).isEqualTo(60);
        assertThat(timeouts.settingFor(YEARLY)).isEqualTo("queue-job.job-timeout-seconds." + YEARLY);
        assertThat(timeouts.secondsFor("org.acme.Invoices.send")).isEqualTo(JobTimeouts.DEFAULT_SECONDS);
    }

    @Test
    void theInterruptSwitchesGivenInTheEnvironmentApplyToTheirJobFunction() {
        JobTimeouts timeouts = new JobTimeouts();
        CancelInterrupts cancel = new CancelInterrupts();
        MapConfig environment = MapConfig.of(
                "QUEUE_JOB_JOB_TIMEOUT_INTERRUPT_ORG_ACME_REPORTS_YEARLY", "true",
                "queue_job_cancel_interrupt_org_acme_reports_yearly", "false");

        timeouts.read(environment, FUNCTIONS);
        cancel.read(environment, FUNCTIONS);

        assertThat(timeouts.interrupts(YEARLY)).isTrue();
        assertThat(timeouts.interrupts("org.acme.Mail.daily")).isFalse();
        assertThat(cancel.interrupts(YEARLY)).isFalse();
        assertThat(cancel.interrupts("org.acme.Mail.daily")).isTrue();
    }

    @Test
    void settingsThatNameJobFunctionsOfTheApplicationInEitherFormAreNoProblem() {
        MapConfig config = MapConfig.of(
                "queue-job.job-timeout-seconds",
                "600",
                "QUEUE_JOB_JOB_TIMEOUT_SECONDS",
                "600",
                "queue-job.job-timeout-seconds." + YEARLY,
                "7200",
                "QUEUE_JOB_CANCEL_INTERRUPT_ORG_ACME_MAIL_DAILY",
                "false",
                "queue-job.job-timeout-interrupt.org.acme.Invoices.send",
                "true",
                "PATH",
                "/usr/bin",
                "queue-job.channels",
                "root:4");

        assertThat(JobTimeoutsCheck.problems(config, FUNCTIONS)).isEmpty();
    }

    @Test
    void theTestsPerFunctionSettingsNameTheirJobFunctions() {
        // src-it's it-microprofile-config.properties.
        MapConfig config = MapConfig.of(
                "queue-job.job-timeout-seconds.org.queuejob.it.jobs.TestJobs.createCustomerPastTheTimeout",
                "1",
                "queue-job.job-timeout-interrupt.org.queuejob.it.jobs.TestJobs.createCustomerThenWaitPastTheTimeout",
                "true",
                "queue-job.cancel-interrupt.org.queuejob.it.jobs.TestJobs.serialAtTheGate",
                "false");
        Set<String> functions = Set.of(
                "org.queuejob.it.jobs.TestJobs.createCustomerPastTheTimeout",
                "org.queuejob.it.jobs.TestJobs.createCustomerThenWaitPastTheTimeout",
                "org.queuejob.it.jobs.TestJobs.serialAtTheGate");

        assertThat(JobTimeoutsCheck.problems(config, functions)).isEmpty();
    }

    @Test
    void aFunctionNamedWithoutItsPackageIsRefusedNamingTheSettingItMeant() {
        MapConfig config = MapConfig.of("queue-job.job-timeout-seconds.Reports.yearly", "60");

        assertThat(JobTimeoutsCheck.problems(config, FUNCTIONS))
                .containsExactly("queue-job.job-timeout-seconds.Reports.yearly names no job function of this"
                        + " application; did you mean queue-job.job-timeout-seconds.org.acme.Reports.yearly?");
    }

    @Test
    void aMisspelledFunctionIsRefusedWithTheNearestOne_aNameNearNoneSaysHowToNameOne() {
        MapConfig config = MapConfig.of(
                "queue-job.cancel-interrupt.org.acme.Reports.yaerly", "false",
                "queue-job.job-timeout-interrupt.com.other.Thing.run", "true");

        assertThat(JobTimeoutsCheck.problems(config, FUNCTIONS))
                .containsExactly(
                        "queue-job.job-timeout-interrupt.com.other.Thing.run names no job function of this"
                                + " application: name a @Job method by its fully qualified name, e.g."
                                + " queue-job.job-timeout-interrupt.org.acme.Reports.yearly.",
                        "queue-job.cancel-interrupt.org.acme.Reports.yaerly names no job function of this"
                                + " application; did you mean queue-job.cancel-interrupt.org.acme.Reports.yearly?");
    }

    @Test
    void anEnvironmentNameOfNoJobFunctionIsRefusedWithTheNearestOnesEnvironmentName() {
        MapConfig config = MapConfig.of("QUEUE_JOB_JOB_TIMEOUT_SECONDS_REPORTS_YEARLY", "60");

        assertThat(JobTimeoutsCheck.problems(config, FUNCTIONS))
                .containsExactly("QUEUE_JOB_JOB_TIMEOUT_SECONDS_REPORTS_YEARLY names no job function of this"
                        + " application; did you mean QUEUE_JOB_JOB_TIMEOUT_SECONDS_ORG_ACME_REPORTS_YEARLY (for"
                        + " org.acme.Reports.yearly)?");
    }

    @Test
    void aMalformedValueOfAKnownFunctionIsStillRefusedNamingIt() {
        MapConfig config = MapConfig.of("QUEUE_JOB_JOB_TIMEOUT_SECONDS_ORG_ACME_REPORTS_YEARLY", "an hour");

        assertThat(JobTimeoutsCheck.problems(config, FUNCTIONS))
                .containsExactly("queue-job.job-timeout-seconds.org.acme.Reports.yearly must be a whole number of"
                        + " seconds greater than 0, got 'an hour'");
    }

    @Test
    void anEmptyValueIsNoValue_soItsNameIsNoProblem() {
        assertThat(JobTimeoutsCheck.problems(MapConfig.of("queue-job.cancel-interrupt.Typo.run", ""), FUNCTIONS))
                .isEmpty();
    }

    @Test
    void theEnvironmentNameOfASettingFollowsMicroProfileConfig() {
        assertThat(PerFunctionSettings.envName("queue-job.job-timeout-seconds.org.acme.Reports$Inner.yearly_2"))
                .isEqualTo("QUEUE_JOB_JOB_TIMEOUT_SECONDS_ORG_ACME_REPORTS_INNER_YEARLY_2");
    }

    @Test
    void aSettingOfTheApplicationsOwnFileNamingNoJobFunction_refusesTheDeployment() {
        String typo = "queue-job.job-timeout-seconds.org.acme.Reports.yearli";
        MapConfig config = MapConfig.of(typo, "60");

        assertThat(JobTimeoutsCheck.problems(config, FUNCTIONS, Set.of(typo)::contains))
                .containsExactly(typo + " names no job function of this application; did you mean"
                        + " queue-job.job-timeout-seconds." + YEARLY + "?");
        assertThat(JobTimeoutsCheck.warnings(config, FUNCTIONS, Set.of(typo)::contains))
                .isEmpty();
    }

    @Test
    void aServerWideSettingNamingNoJobFunctionOfThisApplication_isSaidButRefusesNothing() {
        // A system property reaches every application of the server: it may be meant for another one.
        MapConfig config = MapConfig.of("queue-job.cancel-interrupt.org.other.Billing.close", "false");

        assertThat(JobTimeoutsCheck.problems(config, FUNCTIONS, property -> false))
                .isEmpty();
        assertThat(JobTimeoutsCheck.warnings(config, FUNCTIONS, property -> false))
                .singleElement()
                .asString()
                .startsWith(
                        "queue-job.cancel-interrupt.org.other.Billing.close names no job function of this application")
                .endsWith("it may be meant for another application; ignored here)");
    }

    @Test
    void theApplicationsOwnPropertiesAreThoseOfItsMicroprofileConfigFiles(@TempDir Path classes) throws IOException {
        Path file = classes.resolve(ApplicationSettings.FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(
                file, "queue-job.job-timeout-seconds.org.acme.Reports.yearly=60\nqueue-job.channels=root:2\n");

        try (URLClassLoader application =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            assertThat(ApplicationSettings.names(application))
                    .containsExactlyInAnyOrder(
                            "queue-job.job-timeout-seconds.org.acme.Reports.yearly", "queue-job.channels");
        }
    }
}
