package org.queuejob.infrastructure.execution;

import static jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.application.JobEnqueued;
import org.queuejob.domain.scheduling.ChannelConfig;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.config.QueueJobSettings;

/**
 * Decides what runs: claims runnable jobs up to the free capacity and hands them to the workers.
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

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    private QueueExecutors executors;
    private ScheduledExecutorService scheduler;
    private ExecutorService workers;

    @Inject
    DispatchStatements statements;

    @Inject
    JobExecutor executor;

    @Inject
    JobFailureRecorder failures;

    @Inject
    WorkerIdentity worker;

    @Inject
    QueueJobSettings settings;

    @Inject
    @QueueJobClock
    Clock clock;

    private final AtomicBoolean passRequested = new AtomicBoolean();
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Object passLock = new Object();
    private final Object runningMonitor = new Object();
    private volatile boolean active;
    private volatile int capacity;
    private ScheduledFuture<?> poll;
    private ScheduledFuture<?> etaWakeUp;
    private Instant etaWakeUpAt;

    /**
     * The executors are looked up here rather than injected: the container binds the queue's own executor
     * definitions only as the module starts, after it has validated injection points.
     */
    public void start() {
        // Parsing the whole string here makes a malformed one fail the deployment, naming the bad entry.
        ChannelConfig channels = ChannelConfig.parse(settings.channels());
        if (channels.isDispatchDisabled()) {
            LOG.info("Queue job dispatcher not started: the root channel's capacity is 0 (" + channels.source() + ")");
            return;
        }
        // Until per-channel dispatch lands, every job shares the root channel's capacity.
        capacity = channels.root().capacity().orElseThrow();
        executors = QueueExecutors.create(Math.max(1, capacity));
        scheduler = executors.scheduler();
        workers = executors.workers();
        active = true;
        int released = statements.releaseAbandoned(worker.name(), Set.of());
        LOG.info(() -> String.format(
                "Queue job dispatcher started as '%s' with root capacity %d; %d job(s) left enqueued by a previous "
                        + "run released to pending",
                worker.name(), capacity, released));
        long pollMillis = settings.pollInterval().toMillis();
        poll = scheduler.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        wake();
    }

    /** Stops claiming, then waits up to {@code timeout} for running jobs; what remains is released on restart. */
    public void stop(Duration timeout) {
        active = false;
        if (poll != null) {
            poll.cancel(false);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (runningMonitor) {
            while (!inFlight.isEmpty()) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    LOG.warning(() -> inFlight.size() + " job(s) still running at shutdown: " + inFlight);
                    break;
                }
                try {
                    runningMonitor.wait(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (executors != null) {
            executors.shutdown();
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
                claimAndSubmit();
                scheduleEtaWakeUp();
            }
        } catch (RuntimeException e) {
            // The database may be away; the poll brings the next try.
            LOG.log(Level.WARNING, "Dispatch pass failed; retrying on the next wake-up or poll", e);
        }
    }

    private void claimAndSubmit() {
        int free = capacity - inFlight.size();
        while (free > 0 && active) {
            List<Long> claimed =
                    statements.claim(Math.min(free, settings.claimBatchSize()), worker.name(), clock.instant());
            if (claimed.isEmpty()) {
                return;
            }
            inFlight.addAll(claimed);
            claimed.forEach(this::submit);
            free -= claimed.size();
        }
    }

    private void submit(long id) {
        try {
            workers.execute(() -> run(id));
        } catch (RuntimeException e) {
            // Rejected (shutting down): the job stays enqueued for us and is released on the next start.
            finished(id);
            LOG.log(Level.WARNING, "Job " + id + " not handed to a worker", e);
        }
    }

    private void run(long id) {
        Instant startedAt = clock.instant();
        try {
            executor.execute(id, worker.name());
        } catch (Throwable failure) {
            record(id, failure, startedAt);
        } finally {
            finished(id);
            wake();
        }
    }

    private void record(long id, Throwable failure, Instant startedAt) {
        try {
            failures.record(id, failure, startedAt);
        } catch (RuntimeException e) {
            // Left enqueued for this worker and not in flight: the next poll releases it to pending.
            LOG.log(Level.SEVERE, "Could not record the failure of job " + id + "; it will be run again", e);
            LOG.log(Level.SEVERE, "The job's own failure was", failure);
        }
    }

    private void finished(long id) {
        synchronized (runningMonitor) {
            inFlight.remove(id);
            runningMonitor.notifyAll();
        }
    }

    private void scheduleEtaWakeUp() {
        Instant now = clock.instant();
        Optional<Instant> next = statements.nextEta(now);
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

    /** Jobs running on this server, by id; for tests and the back office. */
    public Set<Long> running() {
        return Set.copyOf(inFlight);
    }
}
