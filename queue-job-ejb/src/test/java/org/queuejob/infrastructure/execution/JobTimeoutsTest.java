package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JobTimeoutsTest {

    @Test
    void aJobFunctionWithoutItsOwnTimeoutGetsTheDefaultOfOneHour() {
        JobTimeouts timeouts = new JobTimeouts();
        timeouts.configure(null, Map.of());

        assertThat(timeouts.secondsFor("org.acme.Invoices.send")).isEqualTo(3600);
    }

    @Test
    void aJobFunctionsOwnTimeoutWinsOverTheConfiguredDefault() {
        JobTimeouts timeouts = new JobTimeouts();
        timeouts.configure("600", Map.of("org.acme.Reports.yearly", "14400"));

        assertThat(timeouts.secondsFor("org.acme.Reports.yearly")).isEqualTo(14400);
        assertThat(timeouts.secondsFor("org.acme.Invoices.send")).isEqualTo(600);
    }

    @Test
    void aTimeoutThatIsNotAPositiveWholeNumberIsRefusedNamingTheSetting() {
        JobTimeouts timeouts = new JobTimeouts();

        assertThatThrownBy(() -> timeouts.configure("0", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queue-job.job-timeout-seconds must be a whole number of seconds greater than 0, got '0'");
        assertThatThrownBy(() -> timeouts.configure(null, Map.of("org.acme.Reports.yearly", "an hour")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("queue-job.job-timeout-seconds.org.acme.Reports.yearly")
                .hasMessageContaining("'an hour'");
    }
}
