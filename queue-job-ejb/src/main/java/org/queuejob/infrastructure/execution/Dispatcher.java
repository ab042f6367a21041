package org.queuejob.infrastructure.execution;

import static jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.application.ChannelService;
import org.queuejob.application.JobEnqueued;
import org.queuejob.application.JobFunctionCatalog;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.domain.scheduling.CandidateJob;
import org.queuejob.domain.scheduling.ChannelConfig;
import org.queuejob.domain.scheduling.ChannelScheduler;
import org.queuejob.domain.scheduling.ChannelSpec;
import org.queuejob.domain.scheduling.ChannelStatus;
import org.queuejob.domain.scheduling.ChannelTree;
import org.queuejob.domain.scheduling.Demand;
import org.queuejob.infrastructure.cluster.ClusterStatements;
import org.queuejob.infrastructure.cluster.LeaderLock;
import org.queuejob.infrastructure.cluster.Notifications;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.config.QueueJobSettings;
import org.queuejob.infrastructure.interception.JobFunction;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;

/**
 * The queue on one server, in a cluster of any size. Every server runs {@link Workers} and the poll; the one holding
 * the {@link LeaderLock} also decides what runs: it asks the channel scheduler ({@link ChannelScheduler}, plain
 * Java) which channels have room, counting what is dispatched or running on <em>every</em> server, reads only their
 * head jobs, and dispatches the ones it picks for any server's workers to take.
 *
 * <p>It acts when something may have changed rather than on a timer: after a transaction that stored jobs commits,
 * after a job ends, when the earliest eta comes due, and when another server says so (LISTEN/NOTIFY). The poll is
 * the fallback for what no one said (SQL by hand, a lost message) and the clock of the cluster's housekeeping:
 * heartbeat, leader lock, rescue of dead servers' jobs. Wake-ups coalesce: however many arrive during a pass, one
 * more pass follows.
 */
@ApplicationScoped
public class Dispatcher {

    public static final String SCHEDULER = "java:app/concurrent/queue-job-dispatcher";
    public static final String WORKERS = "java:app/concurrent/queue-job-workers";

    /** Threads of the workers' managed executor: the most jobs one server can run at once. */
    public static final int MAX_WORKERS = 64;

    /** Bounds one pass, so a flood of jobs cannot keep the dispatcher from its other duties. */
    static final int MAX_ROUNDS_PER_PASS = 20;

    /** Dispatched jobs no server took within this free their slots again. */
    static final int UNTAKEN_AFTER_SECONDS = 60;

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject
    DispatchStatements statements;

    @Inject
    ClusterStatements cluster;

    @Inject
    LeaderLock leader;

    @Inject
    Notifications notifications;

    @Inject
    Workers workers;

    @Inject
    ChannelService channelRecords;

    @Inject
    JobFunctionCatalog jobFunctions;

    @Inject
    WorkerIdentity worker;

    @Inject
    JobFunctionRegistry functions;

    @Inject
    QueueJobSettings settings;

    @Inject
    @QueueJobClock
    Clock clock;

    private final AtomicBoolean passRequested = new AtomicBoolean();
    private final AtomicBoolean freedToTell = new AtomicBoolean();
    private final Object passLock = new Object();
    private volatile boolean active;
    private volatile boolean othersAlive = true;
    private ChannelScheduler channels;
    private List<String> functionNames;
    private QueueExecutors executors;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> poll;
    private ScheduledFuture<?> etaWakeUp;
    private Instant etaWakeUpAt;
    private long lastBeatNanos;

    /**
     * Starts this server's part: applies the channel string to the channel records, takes back what this server had
     * taken before it stopped, starts the workers, the listener and the poll (whose first run tries the leader
     * lock). (A malformed string never gets here: {@code ChannelConfigCheck} refuses the deployment.) The executors
     * are looked up here rather than injected: the container binds the queue's own definitions only as the module
     * starts.
     */
    public void start() {
        ChannelConfig config = ChannelConfig.parse(settings.channels());
        if (config.isDispatchDisabled()) {
            LOG.info(
                    "Queue job not started on this server: the root channel's capacity is 0 (" + config.source() + ")");
            return;
        }
        channelRecords.apply(config);
        ChannelTree tree = new ChannelTree(channelRecords.specs());
        channels = new ChannelScheduler(tree);
        int size = Math.min(settings.workers().orElse(tree.root().capacity().orElseThrow()), MAX_WORKERS);
        functionNames = functions.all().stream().map(JobFunction::name).sorted().toList();
        warnAboutUnknownFunctions();
        executors = QueueExecutors.create(Math.max(1, size));
        scheduler = executors.scheduler();
        active = true;
        int released = statements.releaseAbandoned(worker.name(), Set.of());
        beat(size);
        workers.start(size, settings.claimBatchSize(), functionNames, executors.workers(), scheduler, this::jobEnded);
        notifications.start(QueueExecutors.threadFactory(), this::onMessage);
        LOG.info(() -> String.format(
                "Queue job started on '%s' with %d worker(s); channels %s; %d job(s) left by a previous run released",
                worker.name(), size, tree, released));
        long pollMillis = settings.pollInterval().toMillis();
        poll = scheduler.scheduleWithFixedDelay(this::poll, 0, pollMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops taking jobs; running ones get up to {@code timeout} to finish. Jobs taken but not started, and those
     * still running then, are released to pending for other servers (the running ones' work rolls back when they
     * try to mark themselves done). Leadership is given up at once, so another server takes over without waiting.
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
            int released = statements.releaseAbandoned(worker.name(), Set.of());
            cluster.leave(worker.name());
            LOG.info(() -> "Queue job stopping on " + worker.name() + ": " + released + " job(s) released to pending");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not release jobs at shutdown; another server's leader will rescue them", e);
        }
        executors.shutdown();
    }

    void onJobEnqueued(@Observes(during = AFTER_SUCCESS) JobEnqueued event) {
        if (leader.isLeader()) {
            wake();
        } else if (active) {
            tellOthers(Notifications.ENQUEUED);
        }
    }

    private void onMessage(String message) {
        if (Notifications.DISPATCHED.equals(message)) {
            workers.wake();
        } else if (leader.isLeader()) {
            wake();
        }
    }

    /** A job ended on this server: its slot is free, for this server's leader or, by message, another's. */
    private void jobEnded(ClaimedJob job, JobRunner.Outcome outcome) {
        if (leader.isLeader()) {
            if (outcome == JobRunner.Outcome.FAILED) {
                channels.jobFailed(job.id(), job.channel());
            }
            wake();
        } else if (freedToTell.compareAndSet(false, true)) {
            // Many jobs ending at once make one message.
            runQuietly(() -> {
                freedToTell.set(false);
                tellOthers(Notifications.FREED);
            });
        }
    }

    private void runQuietly(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Task not scheduled (shutting down?)", e);
        }
    }

    private void tellOthers(String message) {
        try {
            cluster.notifyServers(message);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not notify other servers; their poll will find the work", e);
        }
    }

    /** Asks for a dispatch pass soon, when leader; many calls before the pass starts make one pass. */
    public void wake() {
        if (active && leader.isLeader() && passRequested.compareAndSet(false, true)) {
            try {
                scheduler.execute(this::pass);
            } catch (RuntimeException e) {
                passRequested.set(false);
                LOG.log(Level.FINE, "Dispatch pass not scheduled (shutting down?)", e);
            }
        }
    }

    private void poll() {
        try {
            beatWhenDue();
            boolean wasLeader = leader.isLeader();
            if (leader.holdOrTry(worker.name())) {
                synchronized (passLock) {
                    if (!wasLeader) {
                        LOG.info(() -> "Dispatching for the cluster from " + worker.name());
                    }
                    refreshChannels();
                    blockSequentialChannelsWithFailedJobs();
                    statements.releaseAllReady();
                }
            }
            workers.releaseAbandoned();
            jobFunctions.refreshIfStale();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Queue job poll failed; will try again", e);
        }
        wake();
        workers.wake();
    }

    /** Heartbeat, and for the leader the rescue of dead servers' jobs, once per heartbeat interval. */
    private void beatWhenDue() {
        if (System.nanoTime() - lastBeatNanos < settings.heartbeat().toNanos()) {
            return;
        }
        beat(workers.size());
        int deadAfter = (int) settings.deadAfter().toSeconds();
        othersAlive = cluster.liveServers(deadAfter) > 1;
        if (leader.isLeader()) {
            Map<String, Integer> rescued = cluster.rescue(deadAfter, UNTAKEN_AFTER_SECONDS);
            if (!rescued.isEmpty()) {
                LOG.warning(() -> "Rescued jobs of servers that stopped (back to pending): " + rescued);
            }
        }
    }

    private void beat(int size) {
        cluster.beat(worker.name(), size);
        lastBeatNanos = System.nanoTime();
    }

    private void pass() {
        passRequested.set(false);
        if (!active || !leader.isLeader()) {
            return;
        }
        try {
            synchronized (passLock) {
                if (!dispatch()) {
                    // Only when nothing more is runnable now does the next eta matter.
                    scheduleEtaWakeUp();
                }
            }
        } catch (RuntimeException e) {
            // The database may be away; the poll brings the next try.
            LOG.log(Level.WARNING, "Dispatch pass failed; retrying on the next wake-up or poll", e);
        }
    }

    /**
     * One pass of the channel scheduler over the whole cluster: count what is dispatched or running anywhere, read
     * the head jobs of each channel that has room, let the scheduler pick the ones that start now, dispatch exactly
     * those; again while it found work. Returns true when every channel's room was used, false when the queue ran
     * out of startable jobs (the next eta or throttle end then decides the next pass).
     */
    private boolean dispatch() {
        channels.clearRunning();
        channels.restoreRunning(statements.occupying());
        for (int round = 0; active && round < MAX_ROUNDS_PER_PASS; round++) {
            Instant now = clock.instant();
            List<Demand> demands = channels.demand(now);
            if (demands.isEmpty()) {
                return true;
            }
            Map<String, List<CandidateJob>> candidates = new HashMap<>();
            int wanted = 0;
            for (Demand demand : demands) {
                int limit = Math.min(demand.limit(), settings.claimBatchSize());
                wanted += limit;
                candidates.put(
                        demand.channel(),
                        statements.pendingHeads(
                                demand.channel(),
                                channels.tree().children(demand.channel()),
                                limit,
                                demand.includeFutureEta(),
                                functionNames,
                                now));
            }
            List<CandidateJob> selected = channels.select(now, candidates);
            if (selected.isEmpty()) {
                return false;
            }
            Set<Long> dispatched = new HashSet<>(
                    statements.dispatch(selected.stream().map(CandidateJob::id).toList(), leader.epoch(), now));
            // Changed in between (or this server was deposed): their slots are free again.
            selected.stream()
                    .map(CandidateJob::id)
                    .filter(id -> !dispatched.contains(id))
                    .forEach(channels::jobFinished);
            if (!dispatched.isEmpty()) {
                workers.wake();
                if (othersAlive) {
                    tellOthers(Notifications.DISPATCHED);
                }
            }
            if (selected.size() < wanted) {
                return false;
            }
        }
        return true;
    }

    /**
     * Applies channel records edited since the last look (capacity, sequential, throttle, pause) without restart:
     * running jobs keep their slots, new starts follow the new settings.
     */
    private void refreshChannels() {
        ChannelTree tree = new ChannelTree(channelRecords.specs());
        if (!tree.equals(channels.tree())) {
            channels.reconfigure(tree);
            LOG.info(() -> "Queue job channels changed: " + channels);
        }
    }

    /**
     * Makes each sequential channel blocked by exactly the failed jobs the database has under it: a job that failed
     * before a restart still blocks, one that was requeued, set done or cancelled (from anywhere) no longer does.
     */
    private void blockSequentialChannelsWithFailedJobs() {
        Map<Long, String> failedNow = new HashMap<>();
        for (ChannelSpec spec : channels.tree().specs()) {
            if (spec.sequential()) {
                failedNow.putAll(statements.failedUnder(spec.fullName()));
            }
        }
        channels.blockingFailures().keySet().stream()
                .filter(id -> !failedNow.containsKey(id))
                .forEach(channels::failedJobResolved);
        failedNow.forEach(channels::jobFailed);
    }

    /** Jobs no server here can run stay pending (nothing is lost); say so, since someone must deploy or requeue. */
    private void warnAboutUnknownFunctions() {
        Map<String, Long> unknown = statements.countWaitingOutside(functionNames);
        if (!unknown.isEmpty()) {
            LOG.warning(() -> "Jobs are waiting for job functions this deployment does not have; they stay pending "
                    + "until a deployment with them takes them: " + unknown);
        }
    }

    /** Schedules the next pass for when the earliest eta comes due or a throttle pause ends, if that is sooner. */
    private void scheduleEtaWakeUp() {
        Instant now = clock.instant();
        Map<String, Instant> etas = new HashMap<>();
        statements.nextEta(now).ifPresent(eta -> etas.put(ChannelSpec.ROOT, eta));
        Optional<Instant> next = channels.nextWakeUp(now, etas);
        if (next.isEmpty() || next.get().equals(etaWakeUpAt)) {
            return;
        }
        if (etaWakeUp != null) {
            etaWakeUp.cancel(false);
        }
        etaWakeUpAt = next.get();
        long delayMillis = Math.max(1, Duration.between(now, etaWakeUpAt).toMillis() + 1);
        etaWakeUp = scheduler.schedule(this::wake, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Whether this server dispatches for the cluster now. */
    public boolean isLeader() {
        return leader.isLeader();
    }

    /** How the channels stand, as the leader counted them at its last pass (empty on other servers). */
    public List<ChannelStatus> channelStatus() {
        return channels == null || !leader.isLeader() ? List.of() : channels.snapshot();
    }
}
