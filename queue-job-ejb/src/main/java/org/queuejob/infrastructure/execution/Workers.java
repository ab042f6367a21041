package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.infrastructure.config.QueueJobClock;

/**
 * This server's workers: take dispatched jobs (whichever server's leader dispatched them) up to the free worker
 * slots, and run each in its own transaction through {@link JobRunner}. Runs on every server; at most {@code size}
 * jobs at once, whatever the executor's size.
 */
@ApplicationScoped
public class Workers {

    private static final Logger LOG = Logger.getLogger(Workers.class.getName());

    @Inject
    DispatchStatements statements;

    @Inject
    JobRunner runner;

    @Inject
    WorkerIdentity worker;

    @Inject
    @QueueJobClock
    Clock clock;

    /** Taken jobs no loop has picked up yet. */
    private final Queue<ClaimedJob> ready = new ConcurrentLinkedQueue<>();

    /** Taken jobs not finished: in {@link #ready} or running. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    private final AtomicInteger loops = new AtomicInteger();
    private final Object loopsMonitor = new Object();
    private final AtomicBoolean takeRequested = new AtomicBoolean();
    private final Object takeLock = new Object();

    private volatile boolean active;
    private int size;
    private int batch;
    private List<String> functions;
    private Executor executor;
    private Executor taker;
    private BiConsumer<ClaimedJob, JobRunner.Outcome> onEnded;

    /**
     * Starts taking jobs of {@code functions}: at most {@code size} at once, taking on {@code taker} and running on
     * {@code executor}; {@code onEnded} hears of every job that ended here.
     */
    void start(
            int size,
            int batch,
            List<String> functions,
            Executor executor,
            Executor taker,
            BiConsumer<ClaimedJob, JobRunner.Outcome> onEnded) {
        this.size = size;
        this.batch = batch;
        this.functions = List.copyOf(functions);
        this.executor = executor;
        this.taker = taker;
        this.onEnded = onEnded;
        this.active = true;
        wake();
    }

    public int size() {
        return size;
    }

    /**
     * Releases to pending what the database says this server holds but it does not (e.g. a failure that could not be
     * recorded). Under the take lock: a take's jobs are started in the database a moment before they are in flight
     * here, and must not be released in between.
     */
    int releaseAbandoned() {
        synchronized (takeLock) {
            return statements.releaseAbandoned(worker.name(), Set.copyOf(inFlight));
        }
    }

    /** Asks for a look at the dispatched jobs soon; calls before the look starts make one look. */
    void wake() {
        if (active && takeRequested.compareAndSet(false, true)) {
            try {
                taker.execute(this::take);
            } catch (RuntimeException e) {
                takeRequested.set(false);
                LOG.log(Level.FINE, "Take not scheduled (shutting down?)", e);
            }
        }
    }

    private void take() {
        takeRequested.set(false);
        try {
            synchronized (takeLock) {
                int free;
                while (active && (free = size - inFlight.size()) > 0) {
                    List<ClaimedJob> taken =
                            statements.takeDispatched(Math.min(free, batch), worker.name(), functions, clock.instant());
                    taken.forEach(job -> inFlight.add(job.id()));
                    ready.addAll(taken);
                    startLoops();
                    if (taken.size() < Math.min(free, batch)) {
                        return;
                    }
                }
            }
        } catch (RuntimeException e) {
            // The database may be away; the next wake-up or poll tries again.
            LOG.log(Level.WARNING, "Could not take dispatched jobs; retrying on the next wake-up or poll", e);
        }
    }

    private void startLoops() {
        while (active && !ready.isEmpty()) {
            int running = loops.get();
            if (running >= size) {
                return;
            }
            if (loops.compareAndSet(running, running + 1)) {
                try {
                    executor.execute(this::workLoop);
                } catch (RuntimeException e) {
                    // Rejected (shutting down): the taken jobs are released by stop() or rescued.
                    loopEnded();
                    LOG.log(Level.WARNING, "Worker loop not started", e);
                    return;
                }
            }
        }
    }

    /** Runs ready jobs one after the other until none is left. */
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

    private boolean stayForMore() {
        loopEnded();
        if (active && !ready.isEmpty()) {
            int running = loops.get();
            return running < size && loops.compareAndSet(running, running + 1);
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
        JobRunner.Outcome outcome = JobRunner.Outcome.NOT_DONE;
        try {
            outcome = runner.run(job, worker.name());
        } catch (RuntimeException e) {
            // Only the container can get here (the runner handles every failure of the job itself); the job stays
            // started by this server and not in flight, so the next poll releases it to pending.
            LOG.log(Level.SEVERE, "Job " + job.id() + " could not be run; it will be released and run again", e);
        } finally {
            inFlight.remove(job.id());
            onEnded.accept(job, outcome);
            wake();
        }
    }

    /**
     * Stops taking; taken jobs not started yet are forgotten here (the caller releases them), running ones get up
     * to {@code timeout}. Returns the ids still running then.
     */
    Set<Long> stop(Duration timeout) {
        active = false;
        for (ClaimedJob job = ready.poll(); job != null; job = ready.poll()) {
            inFlight.remove(job.id());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (loopsMonitor) {
            while (loops.get() > 0) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    break;
                }
                try {
                    loopsMonitor.wait(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return Set.copyOf(inFlight);
    }
}
