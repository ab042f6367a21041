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

        assertThat(RunsTakenAwayBacking.note(run, TAKEN.plusSeconds(75)))
                .isEqualTo("Its run on payara@host-2 goes on, 1 min 15 s after it was taken from it: it holds a worker"
                        + " there and a slot of root.mail until its method returns, and its work is then rolled back.");
    }

    @Test
    void aServerClockAheadOfTheDatabases_neverSaysANegativeTime() {
        RunTakenAway run = new RunTakenAway("payara@host-2", "root", TAKEN);

        assertThat(RunsTakenAwayBacking.note(run, TAKEN.minusMillis(300))).contains("goes on, 0.0 s after");
    }
}
