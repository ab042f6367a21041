package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.job.RunTakenAway;

class RunsTakenAwayBackingTest {

    private static final Instant TAKEN = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aRunGoingOnAfterItsJobWasTakenAway_isSaidToHoldAWorkerAndItsChannelsSlot_withItsServerAndHowLongAgo() {
        RunTakenAway run = new RunTakenAway("payara@host-2", "root.mail", TAKEN);

        assertThat(RunsTakenAwayBacking.note(run, TAKEN.plusSeconds(75), false))
                .isEqualTo("Its run on payara@host-2 goes on, 1 min 15 s after it was taken from it: it holds a worker"
                        + " there and a slot of root.mail until its method returns, and its work is then rolled back.");
    }

    @Test
    void aRequeuedJobWhoseOldRunGoesOn_isSaidToWaitForThatRun() {
        RunTakenAway run = new RunTakenAway("payara@host-2", "root.mail", TAKEN);

        assertThat(RunsTakenAwayBacking.note(run, TAKEN.plusSeconds(2), true))
                .endsWith("its work is then rolled back. The job, pending again, waits for that run to return before"
                        + " it runs again.");
    }

    @Test
    void aServerClockAheadOfTheDatabases_neverSaysANegativeTime() {
        RunTakenAway run = new RunTakenAway("payara@host-2", "root", TAKEN);

        assertThat(RunsTakenAwayBacking.note(run, TAKEN.minusMillis(300), false))
                .contains("goes on, 0.0 s after");
    }
}
