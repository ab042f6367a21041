package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.autovacuum.RunOutcome;
import org.queuejob.domain.model.bulk.BulkActionRun;

class BulkActionViewTest {

    private static final Instant START = Instant.parse("2026-11-30T06:00:00Z");

    @Test
    void runningAction_saysHowFarItCame_andCanBeStoppedNotResumed() {
        BulkActionView view = view(RunOutcome.RUNNING, false, 12_000, 1_200, 0, 0);

        assertThat(view.getStatus()).isEqualTo("Requeue: 1,200 of 12,000 jobs.");
        assertThat(view.getPercent()).isEqualTo(10);
        assertThat(view.getOutcome()).isEqualTo("Running");
        assertThat(view.isStoppable()).isTrue();
        assertThat(view.isResumable()).isFalse();
    }

    @Test
    void actionAskedToStop_isShownStopping_withoutASecondStopButton() {
        BulkActionView view = view(RunOutcome.RUNNING, true, 100, 20, 0, 0);

        assertThat(view.getOutcome()).isEqualTo("Stopping");
        assertThat(view.isStoppable()).isFalse();
    }

    @Test
    void finishedAction_givesItsResult_andOneLinePerReasonMostFrequentFirst() {
        BulkActionView view = view(RunOutcome.COMPLETED, false, 10, 7, 1, 2);

        assertThat(view.getStatus()).isEqualTo("Requeue: 10 of 10 jobs, completed.");
        assertThat(view.getResult()).isEqualTo("7 changed, 3 not changed.");
        assertThat(view.getReasons())
                .containsExactly("2 jobs: " + BulkActionRun.GONE, "1 job: " + BulkActionRun.NO_LONGER_APPLIES);
    }

    @Test
    void stoppedAndFailedActions_canBeResumed() {
        assertThat(view(RunOutcome.STOPPED, false, 10, 5, 0, 0).isResumable()).isTrue();
        assertThat(view(RunOutcome.FAILED, false, 10, 5, 0, 0).isResumable()).isTrue();
        assertThat(view(RunOutcome.COMPLETED, false, 10, 10, 0, 0).isResumable())
                .isFalse();
    }

    private static BulkActionView view(
            RunOutcome outcome, boolean stopRequested, long matched, long changed, long state, long gone) {
        BulkActionRun run = new BulkActionRun(
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
                stopRequested,
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
        return new BulkActionView(run, START.plusSeconds(60));
    }
}
