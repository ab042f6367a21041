package org.queuejob.domain.model.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.autovacuum.RunOutcome;

class BulkActionRunTest {

    private static final Instant START = Instant.parse("2026-11-30T06:00:00Z");

    @Test
    void progressCountsTheJobsGoneThrough_changedOrNot_againstTheJobsMatchedAtTheStart() {
        BulkActionRun run = run(RunOutcome.RUNNING, 1_000, 240, 8, 2);

        assertThat(run.processed()).isEqualTo(250);
        assertThat(run.notChanged()).isEqualTo(10);
        assertThat(run.percent()).isEqualTo(25);
        assertThat(run.finished()).isFalse();
    }

    @Test
    void completedActionIsAtAHundredPercent_evenWhenMatchedJobsLeftTheFilterBeforeItReachedThem() {
        assertThat(run(RunOutcome.COMPLETED, 1_000, 900, 0, 0).percent()).isEqualTo(100);
    }

    @Test
    void stoppedActionShowsHowFarItCame_andJobsThatEnteredTheFilterDoNotPassAHundred() {
        assertThat(run(RunOutcome.STOPPED, 1_000, 333, 0, 0).percent()).isEqualTo(33);
        assertThat(run(RunOutcome.RUNNING, 10, 12, 0, 0).percent()).isEqualTo(100);
        assertThat(run(RunOutcome.RUNNING, 0, 0, 0, 0).percent()).isZero();
    }

    @Test
    void durationRunsToNowWhileRunning_andToTheEndOnceEnded_rateIsJobsGoneThroughPerSecond() {
        BulkActionRun running = run(RunOutcome.RUNNING, 1_000, 500, 0, 0);

        assertThat(running.duration(START.plusSeconds(10))).isEqualTo(Duration.ofSeconds(10));
        assertThat(running.jobsPerSecond(START.plusSeconds(10))).isEqualTo(50.0);
        assertThat(running.jobsPerSecond(START)).isZero();
    }

    private static BulkActionRun run(RunOutcome outcome, long matched, long changed, long state, long gone) {
        return new BulkActionRun(
                1,
                "REQUEUE",
                null,
                null,
                "{}",
                "all jobs",
                false,
                100,
                "anna",
                START,
                null,
                outcome,
                null,
                false,
                matched,
                changed,
                state,
                gone,
                0,
                0,
                0,
                new AutovacuumPace(200, 1),
                "server@host/domain1",
                1,
                1,
                7L);
    }
}
