package org.queuejob.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.queuejob.application.EndedJobCounts.Run;

class EndedJobCountsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T20:00:00Z");

    private static Instant minute(int n) {
        return T0.plus(EndedJobCounts.PERIOD.multipliedBy(n));
    }

    @Test
    void periodOf_roundsDownToTheStartOfItsMinute() {
        assertThat(EndedJobCounts.periodOf(Instant.parse("2026-12-02T20:03:59.999Z")))
                .isEqualTo(minute(3));
        assertThat(EndedJobCounts.periodOf(minute(3))).isEqualTo(minute(3));
    }

    @Test
    void aMinuteThatJustEnded_staysLiveForTheGrace_thenMayBeCounted() {
        assertThat(EndedJobCounts.firstLive(minute(3).plusSeconds(4))).isEqualTo(minute(2));
        assertThat(EndedJobCounts.firstLive(minute(3).plus(EndedJobCounts.GRACE)))
                .isEqualTo(minute(3));
        assertThat(EndedJobCounts.firstLive(minute(3).plusSeconds(59))).isEqualTo(minute(3));
    }

    @Test
    void uncountedPeriods_areCountedAsRunsOfConsecutivePeriods() {
        List<Run> runs = EndedJobCounts.runs(List.of(minute(0), minute(1), minute(2), minute(5), minute(7), minute(8)));

        assertThat(runs)
                .containsExactly(
                        new Run(minute(0), minute(3)), new Run(minute(5), minute(6)), new Run(minute(7), minute(9)));
    }

    @Test
    void noUncountedPeriod_meansNothingToCount() {
        assertThat(EndedJobCounts.runs(List.of())).isEmpty();
    }
}
