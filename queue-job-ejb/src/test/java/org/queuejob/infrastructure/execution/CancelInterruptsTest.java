package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CancelInterruptsTest {

    private final CancelInterrupts interrupts = new CancelInterrupts();

    @Test
    void aRunTakenAwayIsInterruptedUnlessItsFunctionOrTheDefaultSaysOtherwise() {
        interrupts.configure(null, Map.of("Mail.send", " False "));

        assertThat(interrupts.interrupts("Reports.yearly")).as("not set").isTrue();
        assertThat(interrupts.settingFor("Reports.yearly")).isEqualTo("queue-job.cancel-interrupt");
        assertThat(interrupts.interrupts("Mail.send")).isFalse();
        assertThat(interrupts.settingFor("Mail.send")).isEqualTo("queue-job.cancel-interrupt.Mail.send");

        interrupts.configure("false", Map.of("Reports.yearly", "TRUE"));

        assertThat(interrupts.interrupts("Mail.send")).isFalse();
        assertThat(interrupts.interrupts("Reports.yearly")).isTrue();
    }

    @Test
    void aValueThatIsNeitherTrueNorFalseIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> interrupts.configure("no", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queue-job.cancel-interrupt: \"no\" is neither true nor false.");
        assertThatThrownBy(() -> interrupts.configure(null, Map.of("Mail.send", "0")))
                .hasMessage("queue-job.cancel-interrupt.Mail.send: \"0\" is neither true nor false.");
    }
}
