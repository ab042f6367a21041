package org.queuejob.domain.model.recurring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecurringJobTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:01:00Z");

    private static RecurringJob everyFiveMinutes(boolean enabled) {
        return new RecurringJob(
                "report",
                "0 */5 * * * *",
                "UTC",
                "org.example.Reports.daily",
                "[]",
                null,
                null,
                null,
                enabled,
                RecurringOrigin.BACK_OFFICE,
                NOW);
    }

    @Test
    void aNewEnabledRecord_isDueAtItsFirstTick_andSkipsMissedTicksByDefault() {
        RecurringJob job = everyFiveMinutes(true);
        assertThat(job.nextRun()).isEqualTo(Instant.parse("2026-06-01T10:05:00Z"));
        assertThat(job.missed()).isEqualTo(MissedTicks.SKIP);
    }

    @Test
    void disabled_hasNoNextRun_andEnabledLater_startsFromTheNextTickAfterThen() {
        RecurringJob job = everyFiveMinutes(false);
        assertThat(job.nextRun()).isNull();
        job.enable(Instant.parse("2026-06-01T12:31:00Z"));
        assertThat(job.nextRun()).isEqualTo(Instant.parse("2026-06-01T12:35:00Z"));
        job.disable();
        assertThat(job.nextRun()).isNull();
        assertThat(job.enabled()).isFalse();
    }

    @Test
    void aNewSchedule_movesTheNextRun_andAMalformedOneChangesNothing() {
        RecurringJob job = everyFiveMinutes(true);
        job.change("0 0 * * * *", "Europe/Brussels", job.jobFunction(), "[]", "root.reports", 3, null, NOW);
        assertThat(job.nextRun()).isEqualTo(Instant.parse("2026-06-01T11:00:00Z"));
        assertThat(job.channel()).isEqualTo("root.reports");

        assertThatThrownBy(() -> job.change("0 0 * * *", "UTC", job.jobFunction(), "[]", null, null, null, NOW))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining("'0 0 * * *'");
        assertThatThrownBy(() -> job.change("0 0 * * * *", "Mars/Olympus", job.jobFunction(), "[]", null, 1, null, NOW))
                .hasMessageContaining("'Mars/Olympus'");
        assertThatThrownBy(() -> job.change("0 0 * * * *", "UTC", job.jobFunction(), "[]", "root..x", 1, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> job.change("0 0 * * * *", "UTC", job.jobFunction(), "[]", null, -1, null, NOW))
                .hasMessageContaining("-1");
        assertThat(job.cron()).isEqualTo("0 0 * * * *");
        assertThat(job.zone()).isEqualTo("Europe/Brussels");
        assertThat(job.priority()).isEqualTo(3);
        assertThat(job.channel()).isEqualTo("root.reports");
    }

    @Test
    void blankName_isRefused() {
        assertThatThrownBy(() -> new RecurringJob(
                        " ", "0 * * * * *", "UTC", "f", "[]", null, null, null, true, RecurringOrigin.CODE, NOW))
                .hasMessage(RecurringJob.NAME_REQUIRED);
    }
}
