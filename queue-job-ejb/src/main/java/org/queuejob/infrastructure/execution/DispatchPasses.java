package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.infrastructure.cluster.ClusterMembership;
import org.queuejob.infrastructure.cluster.EndedJob;
import org.queuejob.infrastructure.cluster.LeaderLock;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.config.WorkerIdentity;

/**
 * The leader's dispatch passes on this server. Wake-ups ask for a pass and coalesce: however many arrive during a
 * pass, one more pass follows. A pass runs under the pass lock, which everything else that touches the
 * {@link Dispatcher}'s decisions takes too ({@link #between}): the poll, a channel change, a look at the jobs handed
 * to this server.
 */
@ApplicationScoped
public class DispatchPasses {

    private static final Logger LOG = Logger.getLogger(DispatchPasses.class.getName());

    @Inject
    Dispatcher dispatcher;

    @Inject
    Workers workers;

    @Inject
    LeaderLock leader;

    @Inject
    ClusterMembership membership;

    @Inject
    WorkerIdentity me;

    @Inject
    QueueThreads threads;

    @Inject
    @QueueJobClock
    Clock clock;

    private final AtomicBoolean passRequested = new AtomicBoolean();
    /** A wake-up for anything but this server's buffer running low came since the last pass began. */
    private final AtomicBoolean signalled = new AtomicBoolean();

    private final AtomicBoolean reconcileRequested = new AtomicBoolean();
    /** Jobs other servers told this leader have ended, for the next pass. */
    private final Queue<EndedJob> endedElsewhere = new ConcurrentLinkedQueue<>();

    private final Object passLock = new Object();
    private final LongAdder passes = new LongAdder();
    private volatile Instant lastPass;
    private volatile Refill refill = new Refill(1);
    /** Whether this server led at the last look (under the pass lock). */
    private boolean leading;

    private ScheduledFuture<?> etaWakeUp;
    private Instant etaWakeUpAt;

    void start(Refill refill) {
        this.refill = refill;
    }

    /** Whether this server, leading, asks for a pass to top its buffer up. */
    boolean bufferLow() {
        return refill.asksForMore(workers.buffered());
    }

    /** Asks for a dispatch pass soon, when leader; many calls before the pass starts make one pass. */
    void wake() {
        signalled.set(true);
        requestPass();
    }

    /**
     * This server's buffer ran low ({@link Refill}): a pass soon, unless one refilled the buffer before it starts.
     * Under load the request comes while a pass is handing out jobs; the pass after it would find room for only the
     * few jobs ended since, and cost its two statements for them.
     */
    void wakeToRefill() {
        requestPass();
    }

    /** Other servers' jobs ended: the next pass counts their slots free. */
    void endedElsewhere(List<EndedJob> ended) {
        endedElsewhere.addAll(ended);
    }

    /** The next pass reads what every server holds again first. */
    void reconcileSoon() {
        reconcileRequested.set(true);
    }

    /** Runs {@code task} between two passes. */
    void between(Runnable task) {
        synchronized (passLock) {
            task.run();
        }
    }

    /** Answers {@code question} between two passes. */
    <T> T between(Supplier<T> question) {
        synchronized (passLock) {
            return question.get();
        }
    }

    /**
     * Whether this server leads, starting its leadership when it has just begun: the servers and what they hold
     * read. Only {@link #between} two passes.
     */
    boolean leadsNow() {
        boolean leads = leader.isLeader();
        if (leads && !leading) {
            LOG.info(() -> "Dispatching for the cluster from " + me.name());
            dispatcher.readMembers(membership::members);
            dispatcher.reconcile();
        }
        leading = leads;
        return leads;
    }

    private void requestPass() {
        if (threads.isActive() && leader.isLeader() && passRequested.compareAndSet(false, true)) {
            threads.runQuietly(this::pass);
        }
    }

    private void pass() {
        passRequested.set(false);
        // Read after the request is cleared: a wake-up from now on asks for another pass, which sees its signal.
        boolean refillOnly = !signalled.getAndSet(false);
        try {
            synchronized (passLock) {
                if (!threads.isActive() || !leadsNow()) {
                    return;
                }
                if (refillOnly && !bufferLow()) {
                    return; // refilled since it was asked for
                }
                passes.increment();
                lastPass = clock.instant();
                if (reconcileRequested.getAndSet(false)) {
                    dispatcher.reconcile();
                }
                List<EndedJob> ended = drain(endedElsewhere);
                if (!ended.isEmpty()) {
                    dispatcher.endedElsewhere(ended);
                }
                if (!dispatcher.dispatch()) {
                    // Only when nothing more is startable now does the next eta matter.
                    dispatcher.nextWakeUp().ifPresent(this::scheduleWakeUpAt);
                }
            }
        } catch (RuntimeException e) {
            // The database may be away; the poll brings the next try.
            LOG.log(Level.WARNING, "Dispatch pass failed; retrying on the next wake-up or poll", e);
        }
    }

    /** Schedules a pass for {@code at} (an eta coming due, a throttle pause ending), unless one is already due then. */
    private void scheduleWakeUpAt(Instant at) {
        if (at.equals(etaWakeUpAt)) {
            return;
        }
        if (etaWakeUp != null) {
            etaWakeUp.cancel(false);
        }
        etaWakeUpAt = at;
        long delayMillis = Math.max(1, Duration.between(clock.instant(), at).toMillis() + 1);
        etaWakeUp = threads.runIn(delayMillis, () -> {
            dispatcher.pendingAnywhere();
            wake();
        });
    }

    static <T> List<T> drain(Queue<T> queue) {
        List<T> drained = new ArrayList<>();
        for (T item = queue.poll(); item != null; item = queue.poll()) {
            drained.add(item);
        }
        return drained;
    }

    /** When this server last ran a dispatch pass as leader. */
    Optional<Instant> lastPass() {
        return Optional.ofNullable(lastPass);
    }

    /** Dispatch passes this server ran as leader since it started. */
    long count() {
        return passes.sum();
    }
}
