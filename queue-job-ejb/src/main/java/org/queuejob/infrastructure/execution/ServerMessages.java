package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.domain.model.server.ServerQuietChanged;
import org.queuejob.infrastructure.cluster.ClusterMembership;
import org.queuejob.infrastructure.cluster.EndedJob;
import org.queuejob.infrastructure.cluster.EnqueuedIn;
import org.queuejob.infrastructure.cluster.LeaderLock;
import org.queuejob.infrastructure.cluster.Notifications;
import org.queuejob.infrastructure.config.WorkerIdentity;
import org.queuejob.infrastructure.persistence.QueueStore;

/**
 * What this server says to the others and hears from them (LISTEN/NOTIFY, {@link Notifications}): a follower tells
 * the leader which of its jobs ended and where jobs were stored; the leader tells a server it handed jobs to, which
 * then takes them from the database.
 */
@ApplicationScoped
public class ServerMessages {

    private static final Logger LOG = Logger.getLogger(ServerMessages.class.getName());

    @Inject
    Notifications notifications;

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
    Workers workers;

    @Inject
    SlotPassing slotPassing;

    @Inject
    QueueStore store;

    @Inject
    WorkerIdentity me;

    @Inject
    QueueThreads threads;

    /** Holds the servers a transaction makes quiet or lets take jobs, for this server to apply when it commits. */
    private static final Object QUIET_AFTER_COMMIT = new Object();

    @Inject
    AfterCommit afterCommit;

    private final AtomicBoolean assignedRequested = new AtomicBoolean();
    private final AtomicBoolean freedToTell = new AtomicBoolean();
    /** Jobs that ended here, not yet told to the leader (when another server leads). */
    private final Queue<EndedJob> endedToTell = new ConcurrentLinkedQueue<>();

    /** Starts listening; the listener's session holds this server's liveness lock. */
    void start() {
        notifications.start(
                QueueExecutors.threadFactory(), this::onMessage, this::databaseBack, membership.sessionKey());
    }

    void stop() {
        notifications.stop();
    }

    /** Whether this server's listener is connected to the database now. */
    boolean connected() {
        return notifications.isConnected();
    }

    /** Tells the other servers, if any is alive. */
    void tellOthers(String message) {
        if (membership.othersAlive()) {
            notifications.tell(message);
        }
    }

    /** Tells the leader, from the scheduler's threads, that jobs were stored in {@code jobChannels}. */
    void enqueuedIn(Set<String> jobChannels) {
        threads.runQuietly(() -> tellOthers(EnqueuedIn.message(jobChannels)));
    }

    /**
     * A job of this server ended while another server leads: the leader hears of it, with the job that took its slot
     * ({@code next}, or null). Many jobs ending at once make one message.
     */
    void ended(ClaimedJob job, JobRunner.Outcome outcome, ClaimedJob next) {
        if (outcome == JobRunner.Outcome.DONE_RELEASING_CHILDREN) {
            threads.runQuietly(() -> tellOthers(Notifications.ENQUEUED));
        }
        if (outcome == JobRunner.Outcome.UNRECORDED) {
            return; // still held here in the database, and counted so by the leader: nothing to tell
        }
        endedToTell.add(new EndedJob(
                job.id(),
                job.version(),
                how(outcome),
                Optional.ofNullable(next).map(taken -> new EndedJob.Next(taken.id(), taken.version()))));
        if (freedToTell.compareAndSet(false, true)) {
            threads.runQuietly(() -> {
                freedToTell.set(false);
                EndedJob.messages(DispatchPasses.drain(endedToTell)).forEach(this::tellOthers);
            });
        }
    }

    private static EndedJob.How how(JobRunner.Outcome outcome) {
        return switch (outcome) {
            case DONE, DONE_RELEASING_CHILDREN -> EndedJob.How.DONE;
            case FAILED -> EndedJob.How.FAILED;
            case NOT_DONE, TAKEN_AWAY -> EndedJob.How.NOT_DONE;
            case UNRECORDED -> throw new IllegalArgumentException("Still held here: nothing to tell the leader");
        };
    }

    private void onMessage(String message) {
        if (Notifications.DISPATCHED.equals(message)) {
            fetchAssigned();
        } else if (Notifications.JOINED.equals(message) && leader.isLeader()) {
            threads.runQuietly(() -> dispatcher.readMembers(membership::members));
        } else if (Notifications.QUIET.equals(message)) {
            threads.runQuietly(this::quietChanged);
        } else if (Notifications.CHANNELS.equals(message)) {
            threads.runQuietly(leader.isLeader() ? channelChanges::applyNow : channelChanges::refreshSlotPassing);
        } else if (leader.isLeader()) {
            Optional<List<EndedJob>> ended = EndedJob.parse(message);
            Optional<Set<String>> enqueuedIn = EnqueuedIn.parse(message);
            if (ended.isPresent()) {
                passes.endedElsewhere(ended.get());
            } else if (enqueuedIn.isPresent()) {
                dispatcher.pendingUnplacedIn(enqueuedIn.get());
            } else if (Notifications.FREED.equals(message)) {
                // From a server of an earlier version, which does not say which jobs ended.
                passes.reconcileSoon();
                dispatcher.mayHavePending(); // a job that ended there may be pending again for a retry
            } else {
                dispatcher.pendingAnywhere();
            }
            passes.wake();
        }
    }

    /**
     * A server is made quiet, or takes jobs again, in the current transaction: once it commits, this server applies
     * it in memory on the committing thread, before the call that made the change returns. A job enqueued after that
     * call is never handed to a server made quiet by it, when this server leads or is the one made quiet.
     */
    void onQuietChanging(@Observes ServerQuietChanged event) {
        if (!threads.isActive()) {
            return;
        }
        Map<String, Boolean> changes = afterCommit.gathered(QUIET_AFTER_COMMIT, LinkedHashMap::new, this::applyQuiet);
        if (changes == null) {
            applyQuiet(Map.of(event.server(), event.quiet()));
        } else {
            changes.put(event.server(), event.quiet());
        }
    }

    /** Memory only: it runs when a transaction commits. */
    private void applyQuiet(Map<String, Boolean> changes) {
        changes.forEach((server, quiet) -> {
            if (server.equals(me.name())) {
                membership.quietNow(quiet);
            }
            if (leader.isLeader()) {
                dispatcher.quiet(server, quiet);
            }
        });
        passes.wake();
    }

    /**
     * A server was made quiet, or takes jobs again, here: this server reads it again and tells the others, so that
     * the server named stops (or starts) taking jobs within milliseconds rather than at its next heartbeat, and the
     * leader hands out jobs by it rather than at its next poll.
     */
    void onQuietChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ServerQuietChanged event) {
        if (threads.isActive()) {
            threads.runQuietly(() -> {
                quietChanged();
                tellOthers(Notifications.QUIET);
            });
        }
    }

    /**
     * Some server was made quiet or takes jobs again: this one reads whether it is quiet (a heartbeat reads it), and
     * the leader reads every server's, then dispatches by them.
     */
    private void quietChanged() {
        membership.beatNow();
        if (leader.isLeader()) {
            dispatcher.readMembers(membership::members);
            passes.wake();
        }
    }

    /**
     * The listener has its connection back after losing it (a database restart, a network cut): look now rather than
     * at the next poll. Jobs that ran here meanwhile and could not record their end are still this server's in the
     * database, and their channels' slots stay taken until they run again; the look at this server's jobs runs them
     * at once. As leader, messages of other servers sent while the listener was away are lost: every channel may have
     * work.
     */
    private void databaseBack() {
        fetchAssigned();
        threads.runQuietly(channelChanges::refreshSlotPassing); // channel changes told while the listener was away
        if (leader.isLeader()) {
            dispatcher.pendingAnywhere();
            passes.wake();
        }
    }

    /** Takes the jobs the leader handed to this server that it does not hold yet. */
    void fetchAssigned() {
        if (threads.isActive() && assignedRequested.compareAndSet(false, true)) {
            threads.runQuietly(() -> {
                assignedRequested.set(false);
                try {
                    // Between passes: the leader's own pass hands jobs to this server's workers directly, and a look
                    // at the database in between would hand them over twice.
                    passes.between(() -> {
                        List<ClaimedJob> assigned = store.assignedTo(me.name(), workers.held());
                        slotPassing.handedOver(assigned);
                        workers.offer(assigned);
                    });
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not read the jobs handed to this server; retrying at the poll", e);
                }
            });
        }
    }
}
