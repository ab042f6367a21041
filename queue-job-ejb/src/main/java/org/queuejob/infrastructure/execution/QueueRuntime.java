package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.domain.scheduling.ChannelStatus;
import org.queuejob.domain.scheduling.ChannelTree;
import org.queuejob.infrastructure.cluster.ClusterMembership;
import org.queuejob.infrastructure.cluster.LeaderLock;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.config.QueueJobSettings;
import org.queuejob.infrastructure.config.WorkerIdentity;
import org.queuejob.infrastructure.interception.JobFunction;
import org.queuejob.infrastructure.interception.JobFunctionCatalog;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;
import org.queuejob.infrastructure.observability.JobOutcomes;
import org.queuejob.infrastructure.persistence.CutShortRuns;
import org.queuejob.infrastructure.persistence.QueueStore;

/**
 * The queue on one server, in a cluster of any size: its {@link Workers} run what the leader hands to this server,
 * and when this server holds the {@link LeaderLock} its {@link Dispatcher} decides for all of them.
 *
 * <p>It acts when something may have changed rather than on a timer: after a transaction that stored jobs commits
 * ({@link StoredJobSignals}), after a job ends, when the earliest eta comes due, and when another server says so
 * ({@link ServerMessages}); every such signal asks for a dispatch pass ({@link DispatchPasses}). The poll
 * ({@link HousekeepingPoll}) is the fallback for what no one said and the clock of housekeeping. This class starts
 * and stops those parts, routes a job's end, and answers what health checks and metrics ask.
 */
@ApplicationScoped
public class QueueRuntime {

    public static final String SCHEDULER = "java:app/concurrent/queue-job-dispatcher";
    public static final String WORKERS = "java:app/concurrent/queue-job-workers";

    /** Threads of the workers' managed executor: the most jobs one server can run at once. */
    public static final int MAX_WORKERS = QueueJobSettings.MAX_WORKERS;

    private static final Logger LOG = Logger.getLogger(QueueRuntime.class.getName());

    @Inject
    Dispatcher dispatcher;

    @Inject
    DispatchPasses passes;

    @Inject
    HousekeepingPoll housekeeping;

    @Inject
    ServerMessages messages;

    @Inject
    AfterCommit afterCommit;

    @Inject
    QueueThreads threads;

    @Inject
    Workers workers;

    @Inject
    SlotPassing slotPassing;

    @Inject
    RunningJobsWatch runningJobsWatch;

    @Inject
    LeaderLock leader;

    @Inject
    ClusterMembership membership;

    @Inject
    QueueStore store;

    @Inject
    JobFunctionRegistry functions;

    @Inject
    JobFunctionCatalog catalog;

    @Inject
    UndeclaredChannels undeclaredChannels;

    @Inject
    WorkerIdentity me;

    @Inject
    QueueJobSettings settings;

    @Inject
    JobOutcomes outcomes;

    @Inject
    CancelInterrupts cancelInterrupts;

    @Inject
    Interruptions interruptions;

    @Inject
    @QueueJobClock
    Clock clock;

    /**
     * Starts this server's part with the channels of {@code tree}: takes back to pending what this server held
     * before it stopped (a job whose run was cut short counts that try: {@link CutShortRuns}), starts the workers, the listener and the poll (whose first run tries the leader lock).
     *
     * @throws IllegalStateException when another running queue holds this server's name (nothing started)
     */
    public void start(ChannelTree tree) {
        membership.requireOwnName();
        List<String> functionNames =
                functions.all().stream().map(JobFunction::name).sorted().toList();
        // queue-job.workers is from 1 to MAX_WORKERS (QueueJobSettingsCheck refuses others); unset, the root's
        // capacity (at least 1 here: 0 means this server does not dispatch), at most the executor's threads.
        int size = settings.workers()
                .orElseGet(() -> Math.min(tree.root().capacity().orElseThrow(), MAX_WORKERS));
        int heldLimit = size + settings.prefetch().orElse(size);
        afterCommit.start();
        threads.create(size);
        Refill refill = Refill.of(size, heldLimit);
        passes.start(refill);
        dispatcher.init(tree, settings.claimBatchSize(), refill);
        slotPassing.configure(settings.slotLease(), functionNames);
        slotPassing.channels(tree);
        threads.activate();
        CutShortRuns.TakenBack left = store.takeBackLeftByPreviousRun(me.name(), clock.instant());
        outcomes.failedUnrun(left.failed());
        // The listener holds this server's liveness lock: taken before the first beat makes the server known.
        messages.start();
        membership.start(functionNames, size, heldLimit);
        workers.start(size, threads.workers(), this::jobEnded);
        runningJobsWatch.start();
        warnAboutUnknownFunctions(functionNames);
        warnAboutUndeclaredChannels(tree);
        int workerCount = size;
        LOG.info(() -> String.format(
                "Queue job started on '%s' with %d worker(s), holding at most %d job(s); channels %s; %d job(s) left by"
                        + " a previous run taken back, %d of them failed (their last try cut short too)",
                me.name(),
                workerCount,
                heldLimit,
                tree,
                left.count(),
                left.failed().size()));
        housekeeping.start(settings.pollInterval());
    }

    /**
     * Stops taking jobs; running ones get up to {@code timeout} to finish. Those still running then are interrupted
     * (as a job cancelled while it runs is, per {@code queue-job.cancel-interrupt}) and their work rolled back; jobs
     * held but not started, and those, go back to pending for other servers, uncounted. Leadership is given up at
     * once, so another server takes over without waiting.
     */
    public void stop(Duration timeout) {
        if (!threads.deactivate()) {
            return;
        }
        housekeeping.stop();
        runningJobsWatch.stop();
        Set<Long> stillRunning = workers.stop(
                timeout, cancelInterrupts::interrupts, () -> interruptions.interrupted(Interruptions.Reason.SHUTDOWN));
        if (!stillRunning.isEmpty()) {
            LOG.warning(() -> stillRunning.size() + " job(s) still running at shutdown, not interrupted (their"
                    + " queue-job.cancel-interrupt is false) or deaf to it, are released while they run on: another server"
                    + " may run them meanwhile, and their own work will be rolled back: " + stillRunning);
        }
        messages.stop();
        leader.release();
        try {
            int released = store.releaseAbandoned(me.name(), Set.of());
            LOG.info(() -> "Queue job stopping on " + me.name() + ": " + released + " job(s) released to pending");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not release jobs at shutdown; the leader will rescue them", e);
        }
        try {
            membership.leave();
        } catch (SQLException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not remove this server's record at shutdown; the others count it dead once its liveness"
                            + " lock is gone",
                    e);
        }
        threads.shutdown();
    }

    /** A job ended on this server: its slot is free, for this server's leader or, by message, another's. */
    private void jobEnded(ClaimedJob job, JobRunner.Outcome outcome, ClaimedJob next) {
        if (!leader.isLeader()) {
            messages.ended(job, outcome, next);
            return;
        }
        dispatcher.jobEnded(job, outcome, next);
        if (outcome == JobRunner.Outcome.NOT_DONE) {
            dispatcher.mayHavePending(); // back to pending for a retry, perhaps
        } else if (outcome == JobRunner.Outcome.TAKEN_AWAY) {
            // Its job, requeued, waited for this run and may sort before where the channel's reads resume now.
            dispatcher.pendingAnywhere();
        }
        if (outcome == JobRunner.Outcome.DONE_RELEASING_CHILDREN) {
            dispatcher.pendingAnywhere();
            passes.wake();
        }
        if (passes.bufferLow()) {
            passes.wakeToRefill();
        }
    }

    /** Asks for a dispatch pass soon, when leader; many calls before the pass starts make one pass. */
    public void wake() {
        passes.wake();
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

    /**
     * A job function whose channel nothing declares has its jobs run under an ancestor's capacity, as a typo would:
     * say so at start, before its first job is dispatched here ({@link UndeclaredChannels}).
     */
    private void warnAboutUndeclaredChannels(ChannelTree tree) {
        Map<String, String> channelByFunction = new HashMap<>();
        functions.all().forEach(function -> channelByFunction.put(function.name(), catalog.channel(function)));
        undeclaredChannels.checkJobFunctions(tree, channelByFunction);
    }

    /** Whether the queue runs on this server (started, not stopped). */
    public boolean isActive() {
        return threads.isActive();
    }

    /** When the poll (heartbeat, leader lock, rescue) last started on this server; empty before the first. */
    public Optional<Instant> lastPoll() {
        return housekeeping.lastPoll();
    }

    /** When this server last ran a dispatch pass as leader; empty if it never led. */
    public Optional<Instant> lastDispatch() {
        return passes.lastPass();
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
        return passes.count();
    }

    /** Workers of this server (the most jobs it runs at once); 0 when the queue does not run here. */
    public int workersTotal() {
        return isActive() ? workers.size() : 0;
    }

    /** Jobs running on this server now. */
    public int workersBusy() {
        return Math.max(0, workers.heldCount() - workers.buffered());
    }

    /** Jobs running on this server past their timeout now (each also logged once, with where its thread is). */
    public int jobsOverdue() {
        return workers.running().overdue();
    }

    /**
     * Runs on this server whose jobs were cancelled, set done or requeued while they ran, and that go on: each holds a
     * worker until its method returns, and its work is then rolled back.
     */
    public int runsTakenAway() {
        return workers.running().takenAway();
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
        return messages.connected();
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
}
