package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.domain.scheduling.ChannelTree;
import org.queuejob.infrastructure.cluster.ClusterMembership;
import org.queuejob.infrastructure.cluster.LeaderLock;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.config.WorkerIdentity;
import org.queuejob.infrastructure.interception.JobFunctionCatalog;
import org.queuejob.infrastructure.persistence.QueueStore;

/**
 * The poll: the fallback for what no message said (SQL by hand, a lost message) and the clock of housekeeping. Every
 * server beats its heartbeat and tries the leader lock; the leader rescues the jobs of dead servers, reads channel
 * settings and what every server holds again, and releases children whose parents are all done.
 */
@ApplicationScoped
public class HousekeepingPoll {

    private static final Logger LOG = Logger.getLogger(HousekeepingPoll.class.getName());

    @Inject
    ClusterMembership membership;

    @Inject
    LeaderLock leader;

    @Inject
    Dispatcher dispatcher;

    @Inject
    DispatchPasses passes;

    @Inject
    ChannelChanges channelChanges;

    @Inject
    SlotPassing slotPassing;

    @Inject
    ServerMessages messages;

    @Inject
    QueueStore store;

    @Inject
    JobFunctionCatalog jobFunctions;

    @Inject
    WorkerIdentity me;

    @Inject
    QueueThreads threads;

    @Inject
    @QueueJobClock
    Clock clock;

    private volatile Instant lastPoll;
    private ScheduledFuture<?> poll;
    private ScheduledFuture<?> rescueLook;

    /** Polls now, then {@code interval} after each poll ends. */
    void start(Duration interval) {
        poll = threads.runEvery(interval, this::poll);
    }

    void stop() {
        if (poll != null) {
            poll.cancel(false);
        }
    }

    /** When the poll last started on this server; empty before the first. */
    Optional<Instant> lastPoll() {
        return Optional.ofNullable(lastPoll);
    }

    private void poll() {
        lastPoll = clock.instant();
        try {
            membership.beatWhenDue();
            leader.holdOrTry(me.name());
            passes.between(() -> {
                if (passes.leadsNow()) {
                    dispatcher.readMembers(membership::aliveRescuingTheDead);
                    membership.untilGraceEnds().ifPresent(this::scheduleRescueLook);
                    // Reads resume after the last job handed out; once per poll they start over, for what came
                    // pending behind them unsaid (an eta come due, SQL by hand).
                    dispatcher.pendingAnywhere();
                    ChannelTree channels = channelChanges.read();
                    slotPassing.channels(channels);
                    dispatcher.reconfigure(channels);
                    leader.onSession(store::releaseAllReady);
                    dispatcher.reconcile();
                }
            });
            jobFunctions.refreshIfStale();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Queue job poll failed; will try again", e);
        }
        messages.fetchAssigned();
        passes.wake();
    }

    /**
     * Looks at the servers again when the grace of a missing liveness lock ends: a dead server's jobs go back to
     * pending then and are dispatched at once (the next poll could be most of an interval later). One look is
     * scheduled at a time; it schedules the next while another lock is missing. Called between passes.
     */
    private void scheduleRescueLook(Duration delay) {
        if (rescueLook == null || rescueLook.isDone()) {
            rescueLookIn(delay);
        }
    }

    private void rescueLookIn(Duration delay) {
        rescueLook = threads.runIn(delay.toMillis() + 1, this::rescueLook);
    }

    private void rescueLook() {
        try {
            boolean leads = passes.between(() -> {
                if (!threads.isActive() || !passes.leadsNow()) {
                    return false;
                }
                long rescuedBefore = membership.rescuedJobs();
                dispatcher.readMembers(membership::aliveRescuingTheDead);
                if (membership.rescuedJobs() != rescuedBefore) {
                    // The dead server's jobs are pending again: their slots are free now, not at the next poll.
                    dispatcher.reconcile();
                }
                dispatcher.pendingAnywhere();
                membership.untilGraceEnds().ifPresent(this::rescueLookIn);
                return true;
            });
            if (!leads) {
                return;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Looking for dead servers failed; the poll looks again", e);
        }
        passes.wake();
    }
}
