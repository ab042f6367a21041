package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
    void theCodesTimeoutWinsOverTheDefault_andAFunctionsSettingWinsOverTheCode_eachNamedInTheMessage() {
        JobTimeouts timeouts = new JobTimeouts();
        timeouts.configure("600", Map.of("Reports.yearly", "7200"));
        timeouts.inCode(Map.of("Reports.yearly", 60, "Invoices.send", 30));

        assertThat(timeouts.secondsFor("Reports.yearly")).isEqualTo(7200);
        assertThat(timeouts.settingFor("Reports.yearly")).isEqualTo("queue-job.job-timeout-seconds.Reports.yearly");
        assertThat(timeouts.secondsFor("Invoices.send")).isEqualTo(30);
        assertThat(timeouts.settingFor("Invoices.send")).isEqualTo("@Job(timeoutSeconds) of Invoices.send");
        assertThat(timeouts.secondsFor("Mail.daily")).isEqualTo(600);
        assertThat(timeouts.settingFor("Mail.daily")).isEqualTo("queue-job.job-timeout-seconds");
        assertThatThrownBy(() -> timeouts.requireWithin("Invoices.send", Duration.ofSeconds(31)))
                .hasMessageContaining("longer than its timeout of 30 s (@Job(timeoutSeconds) of Invoices.send)");
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

    @Test
    void aRunLongerThanItsTimeoutFailsSayingHowLongItRanTheLimitAndTheSettingThatGivesIt() {
        JobTimeouts timeouts = new JobTimeouts();
        timeouts.configure("600", Map.of("Reports.yearly", "2"));

        assertThatThrownBy(() -> timeouts.requireWithin("Reports.yearly", Duration.ofMillis(2_450)))
                .isInstanceOf(JobTimedOutException.class)
                .hasMessage("The job ran for 2.5 s, longer than its timeout of 2 s"
                        + " (queue-job.job-timeout-seconds.Reports.yearly), so its work was rolled back."
                        + " Raise the timeout or make the job shorter, then requeue it.");
        assertThatThrownBy(() -> timeouts.requireWithin("Invoices.send", Duration.ofSeconds(601)))
                .hasMessageContaining("timeout of 600 s (queue-job.job-timeout-seconds)");
    }

    @Test
    void noJobIsInterruptedAtItsTimeoutUnlessItsFunctionOrTheDefaultSaysSo() {
        JobTimeouts timeouts = new JobTimeouts();
        timeouts.configureInterrupts(null, Map.of("Reports.yearly", " TRUE "));

        assertThat(timeouts.interrupts("Reports.yearly")).isTrue();
        assertThat(timeouts.interruptSettingFor("Reports.yearly"))
                .isEqualTo("queue-job.job-timeout-interrupt.Reports.yearly");
        assertThat(timeouts.interrupts("Invoices.send")).isFalse();
        assertThat(timeouts.interruptSettingFor("Invoices.send")).isEqualTo("queue-job.job-timeout-interrupt");

        timeouts.configureInterrupts("true", Map.of("Reports.yearly", "false"));

        assertThat(timeouts.interrupts("Invoices.send")).isTrue();
        assertThat(timeouts.interrupts("Reports.yearly")).isFalse();
    }

    @Test
    void anInterruptSettingThatIsNeitherTrueNorFalseIsRefusedNamingIt() {
        JobTimeouts timeouts = new JobTimeouts();

        assertThatThrownBy(() -> timeouts.configureInterrupts("yes", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queue-job.job-timeout-interrupt: \"yes\" is neither true nor false.");
        assertThatThrownBy(() -> timeouts.configureInterrupts(null, Map.of("Reports.yearly", "")))
                .hasMessage("queue-job.job-timeout-interrupt.Reports.yearly: \"\" is neither true nor false.");
    }

    @Test
    void anInterruptedRunFailsSayingItWasInterruptedPastItsTimeout_keepingWhatItThrewAsTheCause() {
        JobTimeouts timeouts = new JobTimeouts();
        timeouts.configure(null, Map.of("Reports.yearly", "2"));
        timeouts.configureInterrupts(null, Map.of("Reports.yearly", "true"));
        InterruptedException heard = new InterruptedException("sleep interrupted");

        JobTimedOutException failure = timeouts.interrupted("Reports.yearly", Duration.ofMillis(2_950), heard);

        assertThat(failure)
                .hasMessage("The job was interrupted after 3.0 s, past its timeout of 2 s"
                        + " (queue-job.job-timeout-seconds.Reports.yearly; queue-job.job-timeout-interrupt.Reports.yearly"
                        + " is true), so its work was rolled back. Raise the timeout or make the job shorter, then"
                        + " requeue it.")
                .hasCause(heard);
    }

    @Test
    void aRunOfExactlyItsTimeoutOrLessIsWithinIt() {
        JobTimeouts timeouts = new JobTimeouts();
        timeouts.configure(null, Map.of("Reports.yearly", "2"));

        timeouts.requireWithin("Reports.yearly", Duration.ofSeconds(2));
        timeouts.requireWithin("Reports.yearly", Duration.ZERO);
        timeouts.requireWithin("Invoices.send", Duration.ofSeconds(3600));
    }

    @Test
    void theTransactionManagerIsGivenTheTimeoutExceptOnPayaraWhichWouldKeepEveryTimedTransactionInMemory() {
        assertThat(JobTimeouts.givenToTransactionManager(name -> null)).isTrue();
        assertThat(JobTimeouts.givenToTransactionManager(name -> name.equals("jboss.home.dir") ? "/opt/wildfly" : null))
                .isTrue();
        assertThat(JobTimeouts.givenToTransactionManager(
                        name -> name.equals("com.sun.aas.installRoot") ? "/opt/payara6/glassfish" : null))
                .isFalse();
    }
}
