package org.queuejob.domain.model.autovacuum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadYieldTest {

    private final AutovacuumPace tenth = new AutovacuumPace(1000, 0.1);

    @Test
    void idleWorkersLeaveThePacesDuty() {
        assertThat(new LoadYield(0.02).dutyAt(tenth, 0)).isEqualTo(0.1);
        assertThat(new LoadYield(0.02).pauseAfter(tenth, Duration.ofMillis(200), 0))
                .isEqualTo(Duration.ofMillis(1800));
    }

    @Test
    void busyWorkersBringItDownToTheBusyDuty() {
        assertThat(new LoadYield(0.02).dutyAt(tenth, 1)).isEqualTo(0.02);
        assertThat(new LoadYield(0.02).pauseAfter(tenth, Duration.ofMillis(200), 1))
                .isEqualTo(Duration.ofMillis(9800));
    }

    @Test
    void halfTheWorkersBusyGivesHalfWay() {
        assertThat(new LoadYield(0.02).dutyAt(tenth, 0.5)).isCloseTo(0.06, within(1e-12));
    }

    @Test
    void aShareOutsideZeroToOneCountsAsItsNearestEnd() {
        assertThat(new LoadYield(0.02).dutyAt(tenth, 3)).isEqualTo(0.02);
        assertThat(new LoadYield(0.02).dutyAt(tenth, -1)).isEqualTo(0.1);
        assertThat(new LoadYield(0.02).dutyAt(tenth, Double.NaN)).isEqualTo(0.1);
    }

    @Test
    void noneAndABusyDutyAboveThePacesNeverGiveWay() {
        assertThat(LoadYield.NONE.dutyAt(tenth, 1)).isEqualTo(0.1);
        assertThat(new LoadYield(0.5).dutyAt(tenth, 1)).isEqualTo(0.1);
    }

    @Test
    void busyDutyOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new LoadYield(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("greater than 0 and at most 1");
        assertThatThrownBy(() -> new LoadYield(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
