package org.queuejob.infrastructure.interception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.queuejob.api.Job;
import org.queuejob.api.Recurring;
import org.queuejob.infrastructure.config.MapConfig;

class RecurringDeclarationsTest {

    static class Reports {
        @Job
        @Recurring(name = "nightly", cron = "0 0 3 * * *")
        public void nightly() {}
    }

    private static final Method NIGHTLY = method();

    @Test
    void anEnabledOverrideOfTrueOrFalseInAnyCaseAppliesAtEveryDeployment() {
        assertThat(declare(MapConfig.of("queue-job.recurring.nightly.enabled", " FALSE "))
                        .configuredEnabled())
                .isFalse();
        assertThat(declare(MapConfig.of("queue-job.recurring.nightly.enabled", "true"))
                        .configuredEnabled())
                .isTrue();
        assertThat(declare(MapConfig.of()).configuredEnabled()).isNull();
        assertThat(declare(MapConfig.of()).enabled()).isTrue();
    }

    @Test
    void anEnabledOverrideThatIsNeitherTrueNorFalseRefusesTheDeploymentInsteadOfDisablingTheJob() {
        // MicroProfile Config's Boolean converter would read each of these as false.
        for (String value : new String[] {"ture", "1", "yes", "on", "enabled"}) {
            assertThatThrownBy(() -> declare(MapConfig.of("queue-job.recurring.nightly.enabled", value)))
                    .as(value)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("queue-job.recurring.nightly.enabled: \"" + value + "\" is neither true nor false.");
        }
    }

    @Test
    void overridesOfNoDeclaredRecurringJobOrOfNoKnownKeyAreFound_soThatTheyAreNotSilentlyIgnored() {
        MapConfig config = MapConfig.of(
                "queue-job.recurring.nightly.cron", "0 0 4 * * *",
                "queue-job.recurring.nightly.enabled", "false",
                "queue-job.recurring.org.acme.Reports.weekly.zone", "Europe/Paris",
                "queue-job.recurring.nightli.cron", "0 0 4 * * *",
                "queue-job.recurring.nightly.crn", "0 0 4 * * *",
                "queue-job.recurring.nightly", "0 0 4 * * *",
                "queue-job.recurring.nightly.zone", "");

        assertThat(RecurringDeclarations.unknownOverrides(config, Set.of("nightly", "org.acme.Reports.weekly")))
                .containsExactly(
                        "queue-job.recurring.nightli.cron",
                        "queue-job.recurring.nightly",
                        "queue-job.recurring.nightly.crn");
    }

    private static RecurringDeclaration declare(MapConfig config) {
        return RecurringDeclarations.declaration(config, "nightly", NIGHTLY, NIGHTLY.getAnnotation(Recurring.class));
    }

    private static Method method() {
        try {
            return Reports.class.getMethod("nightly");
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
