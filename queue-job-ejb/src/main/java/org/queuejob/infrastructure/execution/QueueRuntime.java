package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.queuejob.domain.model.channel.Channel;
import org.queuejob.domain.model.channel.ChannelRepository;
import org.queuejob.domain.model.channel.ChannelsChanged;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.domain.model.job.JobEnqueued;
import org.queuejob.domain.scheduling.ChannelStatus;
import org.queuejob.domain.scheduling.ChannelTree;
import org.queuejob.infrastructure.cluster.ClusterMembership;
import org.queuejob.infrastructure.cluster.EndedJob;
import org.queuejob.infrastructure.cluster.EnqueuedIn;
import org.queuejob.infrastructure.cluster.LeaderLock;
import org.queuejob.infrastructure.cluster.Notifications;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.config.QueueJobSettings;
import org.queuejob.infrastructure.config.WorkerIdentity;
import org.queuejob.infrastructure.interception.JobFunction;
import org.queuejob.infrastructure.interception.JobFunctionCatalog;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;
import org.queuejob.infrastructure.persistence.QueueStore;

/**
 * The queue on one server, in a cluster of any size: its {@link Workers} run what the leader hands to this server,
 * and when this server holds the {@link LeaderLock} its {@link Dispatcher} decides for all of them.
 *
 * <p>It acts when something may have changed rather than on a timer: after a transaction that stored jobs commits,
 * after a job ends, when the earliest eta comes due, and when another server says so (LISTEN/NOTIFY). The poll is
 * the fallback for what no one said (SQL by hand, a lost message) and the clock of housekeeping: heartbeat and
 * rescue ({@link ClusterMembership}), the leader lock, channel settings, a fresh count of what servers hold.
 * Wake-ups coalesce: however many arrive during a pass, one more pass follows.
 */
@ApplicationScoped
public class QueueRuntime {

    public static final String SCHEDULER = "java:app/concurrent/queue-job-dispatcher";
    public static final String WORKERS = "java:app/concurrent/queue-job-workers";

    /** Threads of the workers' managed executor: the most jobs one server can run at once. */
    public static final int MAX_WORKERS = 64;

    private static final Logger LOG = Logger.getLogger(QueueRuntime.class.getName());

    /**
     * What a transaction stored ({@link StoredJobs}), for the one wake-up it gives the dispatcher when it commits: only
     * the channels that schedule its jobs are read again, and the next eta only if one of them has an eta.
     */
    private static final Object JOBS_STORED = new Object();

    /** Holds the channel settings a transaction leaves, for the leader to apply when it commits. */
    private static final Object CHANNELS_AFTER_COMMIT = new Object();

    @Inject
    Dispatcher dispatcher;

    @Inject
    Workers workers;

    @Inject
    SlotPassing slotPassing;

    @Inject
    LeaderLock leader;

    @Inject
    ClusterMembership membership;

    @Inject
    Notifications notifications;

    @Inject
    QueueStore store;

    @Inject
    ChannelRepository channelRecords;

    @Inject
    JobFunctionRegistry functions;

    @Inject
    JobFunctionCatalog jobFunctions;

    @Inject
    WorkerIdentity me;

    @Inject
    QueueJobSettings settings;

    @Inject
    @QueueJobClock
    Clock clock;

    private final AtomicBoolean passRequested = new AtomicBoolean();
    /** A wake-up for anything but this server's buffer running low came since the last pass began. */
    private final AtomicBoolean signalled = new AtomicBoolean();

    private final AtomicBoolean assignedRequested = new AtomicBoolean();
    private final AtomicBoolean reconcileRequested = new AtomicBoolean();
    private final AtomicBoolean freedToTell = new AtomicBoolean();
    /** Jobs that ended here, not yet told to the leader (when another server leads). */
    private final Queue<EndedJob> endedToTell = new ConcurrentLinkedQueue<>();
    /** Jobs other servers told this leader have ended, for the next pass. */
    private final Queue<EndedJob> endedElsewhere = new ConcurrentLinkedQueue<>();

    private final Object passLock = new Object();
    private volatile boolean active;
    private volatile Instant lastPoll;
    private volatile Instant lastPass;
    private final LongAdder passes = new LongAdder();
    private boolean leading;
    private volatile Refill refill = new Refill(1);
    private QueueExecutors executors;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> poll;
    private ScheduledFuture<?> etaWakeUp;
    private ScheduledFuture<?> rescueLook;
    private Instant etaWakeUpAt;
    private TransactionSynchronizationRegistry transactions;

    /**
     * Starts this server's part with the channels of {@code tree}: takes back to pending what this server held
     * before it stopped, starts the workers, the listener and the poll (whose first run tries the leader lock).
     */
    public void start(ChannelTree tree) {
        List<String> functionNames =
                functions.all().stream().map(JobFunction::name).sorted().toList();
        int size = Math.min(settings.workers().orElse(tree.root().capacity().orElseThrow()), MAX_WORKERS);
        size = Math.max(1, size);
        int heldLimit = size + settings.prefetch().orElse(size);
        transactions = lookUpTransactions();
        executors = QueueExecutors.create(size);
        scheduler = executors.scheduler();
        refill = Refill.of(size, heldLimit);
        dispatcher.init(tree, settings.claimBatchSize(), refill);
        slotPassing.configure(settings.slotLease(), functionNames);
        slotPassing.channels(tree);
        active = true;
        int released = store.releaseAbandoned(me.name(), Set.of());
        // The listener holds this server's liveness lock: taken before the first beat makes the server known.
        notifications.start(
                QueueExecutors.threadFactory(), this::onMessage, this::databaseBack, membership.sessionKey());
        membership.start(functionNames, size, heldLimit);
        workers.start(size, executors.workers(), this::jobEnded);
        warnAboutUnknownFunctions(functionNames);
        int workerCount = size;
        LOG.info(() -> String.format(
                "Queue job started on '%s' with %d worker(s), holding at most %d job(s); channels %s; %d job(s) left by"
                        + " a previous run released",
                me.name(), workerCount, heldLimit, tree, released));
        poll = scheduler.scheduleWithFixedDelay(
                this::poll, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops taking jobs; running ones get up to {@code timeout} to finish. Jobs held but not started, and those still
     * running then, go back to pending for other servers (the running ones' work rolls back when they try to mark
     * themselves done). Leadership is given up at once, so another server takes over without waiting.
     */
    public void stop(Duration timeout) {
        if (!active) {
            return;
        }
        active = false;
        if (poll != null) {
            poll.cancel(false);
        }
        Set<Long> stillRunning = workers.stop(timeout);
        if (!stillRunning.isEmpty()) {
            LOG.warning(() -> stillRunning.size() + " job(s) still running at shutdown are released: " + stillRunning);
        }
        notifications.stop();
        leader.release();
        try {
            int released = store.releaseAbandoned(me.name(), Set.of());
            membership.leave();
            LOG.info(() -> "Queue job stopping on " + me.name() + ": " + released + " job(s) released to pending");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not release jobs at shutdown; the leader will rescue them", e);
        }
        executors.shutdown();
    }

    /**
     * Jobs became runnable in the current transaction: dispatch once it commits (one wake-up per transaction,
     * however many jobs it stored), or now without a transaction.
     *
     * <p>What runs after the commit ({@code afterCompletion}) touches memory and hands work to the queue's executor,
     * never a transactional resource: there the transaction has ended but may still be the thread's, and an EJB
     * called from there (the follower's {@code NOTIFY} through {@link ClusterMembership}) failed on Payara with
     * "Invalid transaction passed to resume()", each time, and slowed the committing thread's next transaction (a
     * bulk action's chunks on a follower took 3–30 s each).
     */
    void onJobEnqueued(@Observes JobEnqueued event) {
        if (!active) {
            return;
        }
        if (leader.isLeader()) {
            dispatcher.pendingFrom(event.channel(), event.priority(), event.dateCreated());
        }
        if (transactions == null || transactions.getTransactionKey() == null) {
            StoredJobs stored = new StoredJobs();
            stored.add(event);
            jobsEnqueued(stored);
            return;
        }
        StoredJobs stored = (StoredJobs) transactions.getResource(JOBS_STORED);
        if (stored == null) {
            StoredJobs inThisTransaction = new StoredJobs();
            stored = inThisTransaction;
            transactions.putResource(JOBS_STORED, inThisTransaction);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing to do before the commit
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        jobsEnqueued(inThisTransaction);
                    }
                }
            });
        }
        stored.add(event);
    }

    /** What a transaction stored, as far as the dispatcher cares: the jobs' channels, and whether any has an eta. */
    private static final class StoredJobs {
        private final Set<String> channels = new HashSet<>();
        private boolean withEta;

        void add(JobEnqueued job) {
            channels.add(job.channel());
            withEta |= job.eta() != null;
        }
    }

    /**
     * Channel settings change in the current transaction. On the leader they apply when it commits, on the committing
     * thread: before the call that made the change returns (a pause holds from then on: no job of the channel is
     * handed out after it, jobs enqueued right after included). The settings are read here, inside the transaction
     * that changes them, since after completion no transaction can be started to read them.
     */
    void onChannelsChanging(@Observes ChannelsChanged event) {
        if (!active || !leader.isLeader()) {
            return;
        }
        ChannelTree tree = channelTree();
        if (transactions == null || transactions.getTransactionKey() == null) {
            applyChannels(tree);
            return;
        }
        @SuppressWarnings("unchecked")
        AtomicReference<ChannelTree> pending =
                (AtomicReference<ChannelTree>) transactions.getResource(CHANNELS_AFTER_COMMIT);
        if (pending != null) {
            pending.set(tree); // a later change of the same transaction: its settings include the earlier ones
            return;
        }
        AtomicReference<ChannelTree> latest = new AtomicReference<>(tree);
        transactions.putResource(CHANNELS_AFTER_COMMIT, latest);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    applyChannels(latest.get());
                }
            }
        });
    }

    /**
     * Channel settings changed here and committed: a follower tells the leader, which applies them within
     * milliseconds; the leader (which applied them at the commit) reads them again, for changes other servers
     * committed meanwhile.
     */
    void onChannelsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChannelsChanged event) {
        if (!active) {
            return;
        }
        if (leader.isLeader()) {
            runQuietly(this::applyChannels);
        } else {
            runQuietly(() -> {
                tellOthers(Notifications.CHANNELS);
                refreshSlotPassingChannels();
            });
        }
    }

    /**
     * Applies channel settings read by the caller, now, between two dispatch passes. Memory only (it may run after
     * a commit): a leadership that began since is started by the next pass or poll, which applies them too.
     */
    private void applyChannels(ChannelTree tree) {
        try {
            synchronized (passLock) {
                if (active && leader.isLeader()) {
                    dispatcher.reconfigure(tree);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Channel settings not applied now; the poll applies them", e);
        }
        wake();
    }

    private void applyChannels() {
        try {
            synchronized (passLock) {
                if (leadsNow()) {
                    dispatcher.reconfigure(channelTree());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Channel settings not applied now; the poll applies them", e);
        }
        wake();
    }

    /**
     * A follower's channel settings for passing slots on: read when it starts, when a server says they changed and
     * when its listener is back after a loss; never in the poll, whose read during a database outage (EclipseLink's
     * retries) held up the poll's next try for the leader lock: a ClusterIT run had no leader for 4.4 s after a
     * restart. The statement that passes a slot checks pause, sequence and throttle in the records itself.
     */
    private void refreshSlotPassingChannels() {
        try {
            slotPassing.channels(channelTree());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Channel settings for passing slots on not read now", e);
        }
    }

    private ChannelTree channelTree() {
        return new ChannelTree(channelRecords.all().stream().map(Channel::spec).toList());
    }

    /** After the commit (see {@link #onJobEnqueued}): the message to the leader goes from the queue's executor. */
    private void jobsEnqueued(StoredJobs stored) {
        if (leader.isLeader()) {
            dispatcher.pendingIn(stored.channels, stored.withEta);
            wake();
        } else {
            runQuietly(() -> tellOthers(EnqueuedIn.message(stored.channels)));
        }
    }

    private void onMessage(String message) {
        if (Notifications.DISPATCHED.equals(message)) {
            fetchAssigned();
        } else if (Notifications.JOINED.equals(message) && leader.isLeader()) {
            runQuietly(() -> dispatcher.members(membership.members()));
        } else if (Notifications.CHANNELS.equals(message)) {
            runQuietly(leader.isLeader() ? this::applyChannels : this::refreshSlotPassingChannels);
        } else if (leader.isLeader()) {
            Optional<List<EndedJob>> ended = EndedJob.parse(message);
            Optional<Set<String>> enqueuedIn = EnqueuedIn.parse(message);
            if (ended.isPresent()) {
                endedElsewhere.addAll(ended.get());
            } else if (enqueuedIn.isPresent()) {
                dispatcher.pendingUnplacedIn(enqueuedIn.get());
            } else if (Notifications.FREED.equals(message)) {
                // From a server of an earlier version, which does not say which jobs ended.
                reconcileRequested.set(true);
                dispatcher.mayHavePending(); // a job that ended there may be pending again for a retry
            } else {
                dispatcher.pendingAnywhere();
            }
            wake();
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
        runQuietly(this::refreshSlotPassingChannels); // channel changes told while the listener was away
        if (leader.isLeader()) {
            dispatcher.pendingAnywhere();
            wake();
        }
    }

    /** A job ended on this server: its slot is free, for this server's leader or, by message, another's. */
    private void jobEnded(ClaimedJob job, JobRunner.Outcome outcome, ClaimedJob next) {
        if (leader.isLeader()) {
            dispatcher.jobEnded(job, outcome);
            if (outcome == JobRunner.Outcome.NOT_DONE) {
                dispatcher.mayHavePending(); // back to pending for a retry, perhaps
            }
            if (outcome == JobRunner.Outcome.DONE_RELEASING_CHILDREN) {
                dispatcher.pendingAnywhere();
                wake();
            }
            if (refill.asksForMore(workers.buffered())) {
                wakeToRefill();
            }
        } else {
            if (outcome == JobRunner.Outcome.DONE_RELEASING_CHILDREN) {
                runQuietly(() -> tellOthers(Notifications.ENQUEUED));
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
                // Many jobs ending at once make one message.
                runQuietly(() -> {
                    freedToTell.set(false);
                    EndedJob.messages(drain(endedToTell)).forEach(this::tellOthers);
                });
            }
        }
    }

    private static EndedJob.How how(JobRunner.Outcome outcome) {
        return switch (outcome) {
            case DONE, DONE_RELEASING_CHILDREN -> EndedJob.How.DONE;
            case FAILED -> EndedJob.How.FAILED;
            case NOT_DONE -> EndedJob.How.NOT_DONE;
            case UNRECORDED -> throw new IllegalArgumentException("Still held here: nothing to tell the leader");
        };
    }

    private static <T> List<T> drain(Queue<T> queue) {
        List<T> drained = new ArrayList<>();
        for (T item = queue.poll(); item != null; item = queue.poll()) {
            drained.add(item);
        }
        return drained;
    }

    /** Asks for a dispatch pass soon, when leader; many calls before the pass starts make one pass. */
    public void wake() {
        signalled.set(true);
        requestPass();
    }

    /**
     * This server's buffer ran low ({@link Refill}): a pass soon, unless one refilled the buffer before it starts.
     * Under load the request comes while a pass is handing out jobs; the pass after it would find room for only the
     * few jobs ended since, and cost its two statements for them.
     */
    private void wakeToRefill() {
        requestPass();
    }

    private void requestPass() {
        if (active && leader.isLeader() && passRequested.compareAndSet(false, true)) {
            runQuietly(this::pass);
        }
    }

    private void pass() {
        passRequested.set(false);
        // Read after the request is cleared: a wake-up from now on asks for another pass, which sees its signal.
        boolean refillOnly = !signalled.getAndSet(false);
        try {
            synchronized (passLock) {
                if (!active || !leadsNow()) {
                    return;
                }
                if (refillOnly && !refill.asksForMore(workers.buffered())) {
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

    /** Whether this server leads, starting its leadership when it has just begun (under the pass lock). */
    private boolean leadsNow() {
        boolean leads = leader.isLeader();
        if (leads && !leading) {
            LOG.info(() -> "Dispatching for the cluster from " + me.name());
            dispatcher.members(membership.members());
            dispatcher.reconcile();
        }
        leading = leads;
        return leads;
    }

    /** Takes the jobs the leader handed to this server that it does not hold yet. */
    private void fetchAssigned() {
        if (active && assignedRequested.compareAndSet(false, true)) {
            runQuietly(() -> {
                assignedRequested.set(false);
                try {
                    synchronized (passLock) {
                        // Under the pass lock: the leader's own pass hands jobs to this server's workers directly,
                        // and a look at the database in between would hand them over twice.
                        List<ClaimedJob> assigned = store.assignedTo(me.name(), workers.held());
                        slotPassing.handedOver(assigned);
                        workers.offer(assigned);
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not read the jobs handed to this server; retrying at the poll", e);
                }
            });
        }
    }

    private void poll() {
        lastPoll = clock.instant();
        try {
            membership.beatWhenDue();
            leader.holdOrTry(me.name());
            synchronized (passLock) {
                if (leadsNow()) {
                    dispatcher.members(membership.aliveRescuingTheDead());
                    membership.untilGraceEnds().ifPresent(this::scheduleRescueLook);
                    // Reads resume after the last job handed out; once per poll they start over, for what came
                    // pending behind them unsaid (an eta come due, SQL by hand).
                    dispatcher.pendingAnywhere();
                    ChannelTree channels = channelTree();
                    slotPassing.channels(channels);
                    dispatcher.reconfigure(channels);
                    leader.onSession(store::releaseAllReady);
                    dispatcher.reconcile();
                }
            }
            jobFunctions.refreshIfStale();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Queue job poll failed; will try again", e);
        }
        fetchAssigned();
        wake();
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
        etaWakeUp = scheduler.schedule(
                () -> {
                    dispatcher.pendingAnywhere();
                    wake();
                },
                delayMillis,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Looks at the servers again when the grace of a missing liveness lock ends: a dead server's jobs go back to
     * pending then and are dispatched at once (the next poll could be most of an interval later). One look is
     * scheduled at a time; it schedules the next while another lock is missing. Called holding the pass lock.
     */
    private void scheduleRescueLook(Duration delay) {
        if (rescueLook == null || rescueLook.isDone()) {
            rescueLookIn(delay);
        }
    }

    private void rescueLookIn(Duration delay) {
        rescueLook = scheduler.schedule(this::rescueLook, delay.toMillis() + 1, TimeUnit.MILLISECONDS);
    }

    private void rescueLook() {
        try {
            synchronized (passLock) {
                if (!active || !leadsNow()) {
                    return;
                }
                dispatcher.members(membership.aliveRescuingTheDead());
                dispatcher.pendingAnywhere();
                membership.untilGraceEnds().ifPresent(this::rescueLookIn);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Looking for dead servers failed; the poll looks again", e);
        }
        wake();
    }

    private void runQuietly(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Task not scheduled (shutting down?)", e);
        }
    }

    private void tellOthers(String message) {
        if (membership.othersAlive()) {
            notifications.tell(message);
        }
    }

    /**
     * Jobs this server cannot run stay pending while some deployment has registered their function (nothing is lost)
     * and are failed by the leader otherwise; say so, since someone must deploy, cancel or requeue.
     */
    private void warnAboutUnknownFunctions(List<String> functionNames) {
        var unknown = store.countWaitingOutside(functionNames);
        if (!unknown.isEmpty()) {
            LOG.warning(() -> "Jobs are waiting for job functions this deployment does not have; they stay pending "
                    + "until a server that has them runs, unless no deployment ever registered them (those fail): "
                    + unknown);
        }
    }

    private static TransactionSynchronizationRegistry lookUpTransactions() {
        try {
            return InitialContext.doLookup("java:comp/TransactionSynchronizationRegistry");
        } catch (NamingException e) {
            LOG.log(Level.WARNING, "No TransactionSynchronizationRegistry: jobs are dispatched at once when stored", e);
            return null;
        }
    }

    /** Whether the queue runs on this server (started, not stopped). */
    public boolean isActive() {
        return active;
    }

    /** When the poll (heartbeat, leader lock, rescue) last started on this server; empty before the first. */
    public Optional<Instant> lastPoll() {
        return Optional.ofNullable(lastPoll);
    }

    /** When this server last ran a dispatch pass as leader; empty if it never led. */
    public Optional<Instant> lastDispatch() {
        return Optional.ofNullable(lastPass);
    }

    /** Jobs started here in a slot this server passed on without the leader ({@link SlotPassing}), since start. */
    public long slotsPassed() {
        return slotPassing.passedCount();
    }

    /** Reads of a channel's next jobs this server ran as leader since it started, one statement each. */
    public long channelReads() {
        return dispatcher.headReads();
    }

    /** Dispatch passes this server ran as leader since it started. */
    public long dispatchPasses() {
        return passes.sum();
    }

    /** Workers of this server (the most jobs it runs at once); 0 when the queue does not run here. */
    public int workersTotal() {
        return active ? workers.size() : 0;
    }

    /** Jobs running on this server now. */
    public int workersBusy() {
        return Math.max(0, workers.heldCount() - workers.buffered());
    }

    /** Jobs handed to this server that wait for a free worker. */
    public int jobsBuffered() {
        return workers.buffered();
    }

    /** How long ago a job last ended on this server. */
    public Duration sinceLastJobEnded() {
        return workers.sinceLastEnd();
    }

    /** The poll interval: the liveness bound is a multiple of it. */
    public Duration pollInterval() {
        return settings.pollInterval();
    }

    /** This server's name in the cluster. */
    public String serverName() {
        return me.name();
    }

    /** Whether this server's listener (LISTEN/NOTIFY, liveness lock) is connected to the database now. */
    public boolean listenerConnected() {
        return notifications.isConnected();
    }

    /** Jobs of dead servers this server rescued (back to pending) as leader since it started. */
    public long rescuedJobs() {
        return membership.rescuedJobs();
    }

    /** Whether this server dispatches for the cluster now. */
    public boolean isLeader() {
        return leader.isLeader();
    }

    /** How the channels stand, as the leader counted them at its last pass (empty on other servers). */
    public List<ChannelStatus> channelStatus() {
        return leader.isLeader() ? dispatcher.channelStatus() : List.of();
    }

    Optional<ChannelTree> tree() {
        return Optional.ofNullable(dispatcher.tree());
    }
}
