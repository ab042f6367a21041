package org.queuejob.domain.model.recurring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.job.JobState;

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

    @Test
    void runsDoNotOverlapByDefault_aTickIsHeldBackWhileTheLastJobHasNotEnded_namingTheTickTheJobAndItsState() {
        RecurringJob job = everyFiveMinutes(true);
        UUID previous = UUID.fromString("01a243a3-498c-7148-8299-9ab489e7d3c1");
        Instant tick = Instant.parse("2026-12-01T01:30:00Z");

        assertThat(job.allowOverlap()).isFalse();
        for (JobState going :
                new JobState[] {JobState.WAIT_DEPENDENCIES, JobState.PENDING, JobState.ENQUEUED, JobState.STARTED}) {
            assertThat(job.heldBack(tick, Optional.of(new LastJob(previous, going))))
                    .as(going.dbValue())
                    .hasValue("Tick 2026-12-01T01:30:00Z skipped: the job of the previous run"
                            + " (01a243a3-498c-7148-8299-9ab489e7d3c1) has not ended (" + going.dbValue()
                            + "), and runs of this recurring job do not overlap.");
        }
    }

    @Test
    void aTickIsNotHeldBack_byAJobThatEnded_failedIncluded_norWithoutALastJob() {
        RecurringJob job = everyFiveMinutes(true);
        Instant tick = Instant.parse("2026-12-01T01:30:00Z");

        for (JobState ended : new JobState[] {JobState.DONE, JobState.CANCELLED, JobState.FAILED}) {
            assertThat(job.heldBack(tick, Optional.of(new LastJob(UUID.randomUUID(), ended))))
                    .as(ended.dbValue())
                    .isEmpty();
        }
        assertThat(job.heldBack(tick, Optional.empty()))
                .as("no last job, or it was deleted")
                .isEmpty();
    }

    @Test
    void whenRunsMayOverlap_noTickIsHeldBack_andTheyMayBeForbiddenAgain() {
        RecurringJob job = everyFiveMinutes(true);
        Instant tick = Instant.parse("2026-12-01T01:30:00Z");
        Optional<LastJob> running = Optional.of(new LastJob(UUID.randomUUID(), JobState.STARTED));

        job.changeOverlap(true);
        assertThat(job.allowOverlap()).isTrue();
        assertThat(job.heldBack(tick, running)).isEmpty();

        job.changeOverlap(false);
        assertThat(job.heldBack(tick, running)).isPresent();
    }
}
