package org.queuejob.domain.model.recurring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TickPlanTest {

    private static final CronSchedule EVERY_FIVE_MINUTES = CronSchedule.parse("0 */5 * * * *", "UTC");
    private static final Instant DUE = Instant.parse("2026-06-01T10:05:00Z");

    @Test
    void aTickDueSecondsAgo_enqueuesThatTick_whateverThePolicy() {
        Instant now = Instant.parse("2026-06-01T10:05:03Z");
        for (MissedTicks policy : MissedTicks.values()) {
            TickPlan plan = TickPlan.at(EVERY_FIVE_MINUTES, DUE, now, policy);
            assertThat(plan.tick()).contains(DUE);
            assertThat(plan.missed()).isZero();
            assertThat(plan.nextRun()).contains(Instant.parse("2026-06-01T10:10:00Z"));
        }
    }

    @Test
    void afterAnHourDown_skip_enqueuesNothing_andGoesOnFromTheNextTick() {
        Instant now = Instant.parse("2026-06-01T11:07:00Z");
        TickPlan plan = TickPlan.at(EVERY_FIVE_MINUTES, DUE, now, MissedTicks.SKIP);
        assertThat(plan.tick()).isEmpty();
        assertThat(plan.missed()).isEqualTo(13); // 10:05 ... 11:05
        assertThat(plan.nextRun()).contains(Instant.parse("2026-06-01T11:10:00Z"));
    }

    @Test
    void afterAnHourDown_runOnce_enqueuesOneJobForTheLatestMissedTick() {
        Instant now = Instant.parse("2026-06-01T11:07:00Z");
        TickPlan plan = TickPlan.at(EVERY_FIVE_MINUTES, DUE, now, MissedTicks.RUN_ONCE);
        assertThat(plan.tick()).contains(Instant.parse("2026-06-01T11:05:00Z"));
        assertThat(plan.missed()).isEqualTo(12);
        assertThat(plan.nextRun()).contains(Instant.parse("2026-06-01T11:10:00Z"));
    }

    @Test
    void afterAnHourDown_withATickJustNow_bothPoliciesEnqueueOnlyTheCurrentTick() {
        Instant now = Instant.parse("2026-06-01T11:05:10Z");
        for (MissedTicks policy : MissedTicks.values()) {
            TickPlan plan = TickPlan.at(EVERY_FIVE_MINUTES, DUE, now, policy);
            assertThat(plan.tick()).contains(Instant.parse("2026-06-01T11:05:00Z"));
            assertThat(plan.missed()).isEqualTo(12);
        }
    }

    @Test
    void aTickJustOverTheLateLimit_isMissed() {
        Instant now = DUE.plus(TickPlan.LATE_AFTER).plusSeconds(1);
        assertThat(TickPlan.at(EVERY_FIVE_MINUTES, DUE, now, MissedTicks.SKIP).tick())
                .isEmpty();
        assertThat(TickPlan.at(EVERY_FIVE_MINUTES, DUE, DUE.plus(TickPlan.LATE_AFTER), MissedTicks.SKIP)
                        .tick())
                .contains(DUE);
    }

    @Test
    void nothingDue_isAMistakeOfTheCaller() {
        assertThatThrownBy(() -> TickPlan.at(EVERY_FIVE_MINUTES, DUE, DUE.minusSeconds(1), MissedTicks.SKIP))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
