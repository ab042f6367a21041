package org.queuejob.domain.model.autovacuum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AutovacuumPaceTest {

    @Test
    void aTenthDutyPausesNineTimesTheChunksDuration() {
        AutovacuumPace pace = new AutovacuumPace(1000, 0.1);

        assertThat(pace.pauseAfter(Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(1800));
    }

    @Test
    void halfDutyPausesAsLongAsItWorked() {
        assertThat(new AutovacuumPace(10, 0.5).pauseAfter(Duration.ofMillis(120)))
                .isEqualTo(Duration.ofMillis(120));
    }

    @Test
    void fullDutyNeverPauses() {
        assertThat(new AutovacuumPace(10, 1).pauseAfter(Duration.ofSeconds(5))).isZero();
    }

    @Test
    void dutyOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new AutovacuumPace(10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("greater than 0 and at most 1");
        assertThatThrownBy(() -> new AutovacuumPace(10, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AutovacuumPace(10, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chunkOfNoJobIsRefused() {
        assertThatThrownBy(() -> new AutovacuumPace(0, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 1 to 100000");
    }
}
