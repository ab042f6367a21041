package org.queuejob.infrastructure.interception;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NoDelayTest {

    @Test
    void anyNonEmptyValueOfTheVariableSwitchesItOnAsInTheOriginal() {
        assertThat(NoDelay.isSet(Map.of(NoDelay.VARIABLE, "1"))).isTrue();
        assertThat(NoDelay.isSet(Map.of(NoDelay.VARIABLE, "0"))).isTrue();
        assertThat(NoDelay.isSet(Map.of(NoDelay.VARIABLE, ""))).isFalse();
        assertThat(NoDelay.isSet(Map.of())).isFalse();
    }

    @Test
    void scopedSwitchHoldsOnlyDuringTheWork() throws Exception {
        assertThat(NoDelay.active()).isFalse();

        boolean inside = NoDelay.during(NoDelay::active);

        assertThat(inside).isTrue();
        assertThat(NoDelay.active()).isFalse();
    }
}
