package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.domain.scheduling.ChannelConfig;
import org.queuejob.domain.scheduling.ChannelScheduler;
import org.queuejob.domain.scheduling.ChannelTree;
import org.queuejob.infrastructure.execution.JobRunner.Outcome;

/**
 * A server that starts leading while its jobs pass their slots on: the read of what is held and the done marks
 * commit in either order, and the root's count must stay what the database holds.
 */
class OwnJobEndsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    private final ChannelScheduler channels = new ChannelScheduler(ChannelTree.of(ChannelConfig.parse("root:2")));
    private final OwnJobEnds ends = new OwnJobEnds();

    private final ClaimedJob done = job(1);
    private final ClaimedJob next = job(2);

    @Test
    void aJobThatTookASlotAfterTheReadHoldsIt_theRootStaysFullWhenItsCapacityIsHeld() {
        // The read saw job 1 (and 3) held and job 2 pending: job 1's done mark, passing its slot to 2, came after.
        read(Map.of(1L, "root", 3L, "root"));

        ends.ended(channels, done, Outcome.DONE, next);

        assertThat(channels.isRunning(next.id())).isTrue();
        assertThat(channels.isRunning(done.id())).isFalse();
        assertThat(channels.freeSlots("root", NOW))
                .as("root holds jobs 2 and 3")
                .isZero();
    }

    @Test
    void aJobThatTookASlotWhileTheDatabaseWasReadHoldsIt_whicheverWayTheReadSawTheCommit() {
        ends.readStarts();
        ends.ended(channels, done, Outcome.DONE, next);
        // The rows as they stood before the done mark committed.
        channels.clearRunning();
        channels.restoreRunning(Map.of(1L, "root", 3L, "root"));
        ends.readDone(channels);

        assertThat(channels.isRunning(next.id())).isTrue();
        assertThat(channels.isRunning(done.id())).isFalse();
        assertThat(channels.freeSlots("root", NOW)).isZero();

        // The rows as they stood after it: job 2 read as held, counted once.
        ends.readStarts();
        ends.ended(channels, done, Outcome.DONE, next);
        channels.clearRunning();
        channels.restoreRunning(Map.of(2L, "root", 3L, "root"));
        ends.readDone(channels);

        assertThat(channels.snapshot().get(0).running()).as("root's count").isEqualTo(2);
    }

    @Test
    void aJobThatTookASlotAndEndedDuringTheReadHoldsNothing() {
        ends.readStarts();
        ends.ended(channels, done, Outcome.DONE, next);
        ends.ended(channels, next, Outcome.DONE, null);
        channels.clearRunning();
        channels.restoreRunning(Map.of(1L, "root"));
        ends.readDone(channels);

        assertThat(channels.isRunning(done.id())).isFalse();
        assertThat(channels.isRunning(next.id())).isFalse();
        assertThat(channels.freeSlots("root", NOW)).isEqualTo(2);
    }

    @Test
    void aJobWhoseEndCouldNotBeRecordedKeepsItsSlot() {
        read(Map.of(1L, "root"));

        ends.ended(channels, done, Outcome.UNRECORDED, null);

        assertThat(channels.isRunning(done.id())).isTrue();
    }

    @Test
    void aJobThatEndedWhileTheDatabaseWasReadIsFreedAfterTheRead() {
        ends.readStarts();
        ends.ended(channels, done, Outcome.NOT_DONE, null);
        channels.clearRunning();
        channels.restoreRunning(Map.of(1L, "root"));
        ends.readDone(channels);

        assertThat(channels.isRunning(done.id())).isFalse();
    }

    private void read(Map<Long, String> held) {
        ends.readStarts();
        channels.clearRunning();
        channels.restoreRunning(held);
        ends.readDone(channels);
    }

    private static ClaimedJob job(long id) {
        return new ClaimedJob(id, UUID.randomUUID(), "root", "f", "[]", false, 0, "u", null, NOW, 1, false);
    }
}
