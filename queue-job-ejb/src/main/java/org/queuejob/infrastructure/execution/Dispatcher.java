package org.queuejob.infrastructure.execution;

import static jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.config.QueueJobSettings;
import org.queuejob.infrastructure.interception.JobFunction;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;

/**
 * Decides what runs: asks the channel scheduler ({@link ChannelScheduler}, plain Java) which channels have room,
 * reads only their head jobs, claims the ones it picks and hands them to at most root-capacity worker loops.
 *
 * <p>It runs when something may have changed rather than on a timer: after a transaction that stored jobs
 * commits, after a job ends, and when the earliest eta comes due. A slow poll is only the fallback for writers it
 * cannot hear (another server, SQL by hand). Wake-ups coalesce: however many arrive during a pass, one more pass
 * follows, so none is lost and none piles up.
 */
@ApplicationScoped
public class Dispatcher {

    public static final String SCHEDULER = "java:app/concurrent/queue-job-dispatcher";
    public static final String WORKERS = "java:app/concurrent/queue-job-workers";

    /** Threads of the workers' managed executor: the most jobs one server can run at once. */
    public static final int MAX_WORKERS = 64;

    /** Bounds one pass, so a flood of jobs cannot keep the dispatcher from its other duties. */
    static final int MAX_ROUNDS_PER_PASS = 20;

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    private QueueExecutors executors;
    private ScheduledExecutorService scheduler;
    private Executor workers;

    /** Claimed jobs not yet taken by a worker loop (the prefetch). */
    private final Queue<ClaimedJob> ready = new ConcurrentLinkedQueue<>();

    /** Worker loops running; never more than the capacity, whatever the executor's size. */
    private final AtomicInteger loops = new AtomicInteger();

    private final Object loopsMonitor = new Object();

    @Inject
    DispatchStatements statements;

    @Inject
    JobRunner runner;

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
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Object passLock = new Object();
    private volatile boolean active;
    private volatile int capacity;
    private volatile int prefetch;
    private ChannelScheduler channels;
    private List<String> functionNames;
    private ScheduledFuture<?> poll;
    private ScheduledFuture<?> etaWakeUp;
    private Instant etaWakeUpAt;

    /**
     * Starts dispatching: applies the channel string to the channel records and builds the scheduler from the
     * records, takes back what this server had claimed before it stopped, and starts the poll. (A malformed string
     * never gets here: {@code ChannelConfigCheck} refuses the deployment.) The executors are looked up here rather
     * than injected: the container binds the queue's own executor definitions only as the module starts.
     */
    public void start() {
        ChannelConfig config = ChannelConfig.parse(settings.channels());
        if (config.isDispatchDisabled()) {
            LOG.info("Queue job dispatcher not started: the root channel's capacity is 0 (" + config.source() + ")");
            return;
        }
        channelRecords.apply(config);
        ChannelTree tree = new ChannelTree(channelRecords.specs());
        capacity = Math.min(tree.root().capacity().orElseThrow(), MAX_WORKERS);
        prefetch = tree.root().sequential() ? 0 : settings.prefetch().orElse(capacity);
        channels = new ChannelScheduler(withPrefetch(tree, prefetch));
        functionNames = functions.all().stream().map(JobFunction::name).sorted().toList();
        warnAboutUnknownFunctions();
        blockSequentialChannelsWithFailedJobs();
        executors = QueueExecutors.create(Math.max(1, capacity));
        scheduler = executors.scheduler();
        workers = executors.workers();
        active = true;
        int released = statements.releaseAbandoned(worker.name(), Set.of());
        LOG.info(() -> String.format(
                "Queue job dispatcher started as '%s' with root capacity %d (prefetch %d); %d job(s) left enqueued "
                        + "by a previous run released to pending",
                worker.name(), capacity, prefetch, released));
        long pollMillis = settings.pollInterval().toMillis();
        poll = scheduler.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        wake();
    }

    /**
     * The configured tree, but with room in root for the prefetch: prefetched jobs are claimed, so they count as
     * running in their channels (as enqueued jobs do in the original), while worker loops bound what actually runs.
     */
    private static ChannelTree withPrefetch(ChannelTree tree, int prefetch) {
        List<ChannelSpec> specs = new ArrayList<>(tree.specs());
        specs.replaceAll(spec -> spec.isRoot() && spec.capacity().orElseThrow() > 0
                ? new ChannelSpec(
                        spec.fullName(),
                        OptionalInt.of(spec.capacity().orElseThrow() + prefetch),
                        spec.sequential(),
                        spec.throttleSeconds(),
                        spec.paused())
                : spec);
        return new ChannelTree(specs);
    }

    /**
     * Applies channel records edited since the last look (capacity, sequential, throttle, pause) without restart:
     * running jobs keep their slots, new starts follow the new settings.
     */
    private void refreshChannels() {
        ChannelTree tree = new ChannelTree(channelRecords.specs());
        int newCapacity = Math.min(tree.root().capacity().orElseThrow(), MAX_WORKERS);
        int newPrefetch = tree.root().sequential() ? 0 : settings.prefetch().orElse(newCapacity);
        ChannelTree scheduled = withPrefetch(tree, newPrefetch);
        if (!scheduled.equals(channels.tree())) {
            capacity = newCapacity;
            prefetch = newPrefetch;
            channels.reconfigure(scheduled);
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

    /**
     * Stops claiming; jobs claimed but not yet started go straight back to pending, running ones get up to {@code
     * timeout} to finish. Whatever is still running then is released by this server's next start (or, in a
     * cluster, by another server's rescue).
     */
    public void stop(Duration timeout) {
        active = false;
        if (executors == null) {
            return;
        }
        if (poll != null) {
            poll.cancel(false);
        }
        for (ClaimedJob job = ready.poll(); job != null; job = ready.poll()) {
            finished(job.id());
        }
        releaseQuietly();
        if (!awaitLoops(timeout)) {
            LOG.warning(() -> inFlight.size() + " job(s) still running at shutdown: " + inFlight);
        }
        executors.shutdown();
    }

    private boolean awaitLoops(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (loopsMonitor) {
            while (loops.get() > 0) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    return false;
                }
                try {
                    loopsMonitor.wait(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Jobs no server here can run stay pending (nothing is lost); say so, since someone must deploy or requeue. */
    private void warnAboutUnknownFunctions() {
        Map<String, Long> unknown = statements.countWaitingOutside(functionNames);
        if (!unknown.isEmpty()) {
            LOG.warning(() -> "Jobs are waiting for job functions this deployment does not have; they stay pending "
                    + "until a deployment with them claims them: " + unknown);
        }
    }

    private void releaseQuietly() {
        try {
            int released = statements.releaseAbandoned(worker.name(), Set.copyOf(inFlight));
            LOG.info(() -> "Queue job dispatcher stopping: " + released + " claimed job(s) released to pending");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not release claimed jobs at shutdown; the next start will", e);
        }
    }

    void onJobEnqueued(@Observes(during = AFTER_SUCCESS) JobEnqueued event) {
        wake();
    }

    /** Asks for a dispatch pass soon; many calls before the pass starts make one pass. */
    public void wake() {
        if (active && passRequested.compareAndSet(false, true)) {
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
            synchronized (passLock) {
                statements.releaseAbandoned(worker.name(), Set.copyOf(inFlight));
                refreshChannels();
                jobFunctions.refreshIfStale();
                blockSequentialChannelsWithFailedJobs();
                statements.releaseAllReady();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look for abandoned jobs; will try again", e);
        }
        wake();
    }

    private void pass() {
        passRequested.set(false);
        if (!active) {
            return;
        }
        try {
            synchronized (passLock) {
                if (!claimAndSubmit()) {
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
     * One round of the channel scheduler: read the head jobs of each channel that has room, let the scheduler pick
     * the ones that start now, claim exactly those; again while it found work. Returns true when every channel's
     * room was used (more jobs may be waiting and a finishing job will bring the next pass), false when the queue
     * ran out of startable jobs (the next eta or throttle end then decides the next pass).
     */
    private boolean claimAndSubmit() {
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
            List<ClaimedJob> claimed =
                    statements.claim(selected.stream().map(CandidateJob::id).toList(), worker.name(), now);
            Set<Long> claimedIds = new HashSet<>();
            claimed.forEach(job -> claimedIds.add(job.id()));
            // Chosen but taken by another server, or changed, in between: their slots are free again.
            selected.stream()
                    .map(CandidateJob::id)
                    .filter(id -> !claimedIds.contains(id))
                    .forEach(channels::jobFinished);
            inFlight.addAll(claimedIds);
            ready.addAll(claimed);
            startLoops();
            if (selected.size() < wanted) {
                return false;
            }
        }
        return true;
    }

    /** Starts worker loops for the ready jobs, up to the capacity. */
    private void startLoops() {
        while (active && !ready.isEmpty()) {
            int running = loops.get();
            if (running >= capacity) {
                return;
            }
            if (loops.compareAndSet(running, running + 1)) {
                try {
                    workers.execute(this::workLoop);
                } catch (RuntimeException e) {
                    // Rejected (shutting down): the claimed jobs are released by stop() or the next start.
                    loopEnded();
                    LOG.log(Level.WARNING, "Worker loop not started", e);
                    return;
                }
            }
        }
    }

    /**
     * A worker: runs ready jobs one after the other until none is left. Running several jobs per task keeps the
     * number of jobs at once equal to the number of loops, whatever the executor's size.
     */
    private void workLoop() {
        do {
            for (ClaimedJob job = nextReady(); job != null; job = nextReady()) {
                run(job);
            }
        } while (stayForMore());
    }

    private ClaimedJob nextReady() {
        return active ? ready.poll() : null;
    }

    /** Leaves, unless jobs arrived after the loop last looked and no other loop can take them. */
    private boolean stayForMore() {
        loopEnded();
        if (active && !ready.isEmpty()) {
            int running = loops.get();
            return running < capacity && loops.compareAndSet(running, running + 1);
        }
        return false;
    }

    private void loopEnded() {
        loops.decrementAndGet();
        synchronized (loopsMonitor) {
            loopsMonitor.notifyAll();
        }
    }

    private void run(ClaimedJob job) {
        long id = job.id();
        try {
            if (runner.run(job, worker.name()) == JobRunner.Outcome.FAILED) {
                channels.jobFailed(id, job.channel());
            }
        } catch (RuntimeException e) {
            // Only the container can get here (the runner handles every failure of the job itself); the job stays
            // claimed by this server and not in flight, so the next poll releases it to pending.
            LOG.log(Level.SEVERE, "Job " + id + " could not be run; it will be released and run again", e);
        } finally {
            finished(id);
            wake();
        }
    }

    private void finished(long id) {
        channels.jobFinished(id);
        inFlight.remove(id);
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

    /** How the channels stand now, for the back office. */
    public List<ChannelStatus> channelStatus() {
        return channels == null ? List.of() : channels.snapshot();
    }
}
