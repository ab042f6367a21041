package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.domain.model.autovacuum.WorkerLoad;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.infrastructure.config.WorkerIdentity;
import org.queuejob.infrastructure.persistence.QueueStore;
import org.queuejob.infrastructure.persistence.QueueStore.SlotPass;

/**
 * This server's workers: the jobs handed to this server wait in a buffer, and at most {@code size} worker loops run
 * them one after the other, each in its own transaction through {@link JobRunner}. A loop stays for more work for a
 * moment after the buffer runs dry, so under load the loops live long and a job costs no hand-off to a new thread.
 *
 * <p>The held set is every job handed to this server that has not ended here: buffered or running. A job leaves it
 * only after its transaction has ended, so a look at the database never finds a job that is neither ended there nor
 * held here, and no job is ever run twice by the same server.
 */
@ApplicationScoped
public class Workers implements WorkerLoad {

    /** How long an idle loop waits for the next job before it ends. */
    static final Duration LINGER = Duration.ofMillis(500);

    private static final Logger LOG = Logger.getLogger(Workers.class.getName());

    @Inject
    JobRunner runner;

    @Inject
    WorkerIdentity worker;

    @Inject
    SlotPassing slotPassing;

    @Inject
    RunsTakenAway runsTakenAway;

    @Inject
    QueueStore store;

    /** One per worker loop: a controller deactivates only the context it activated. */
    @Inject
    Instance<RequestContextController> requestContexts;

    /** Told of each job's end, after its transaction: how it ended, and the job that took its slot (or null). */
    @FunctionalInterface
    interface Ended {
        void accept(ClaimedJob job, JobRunner.Outcome outcome, ClaimedJob next);
    }

    /**
     * A job waiting here for a worker a second or more is asked about before it runs, as a running one is after a
     * second ({@link RunningJobs#MARK_AFTER}): someone may have cancelled, set done or requeued it meanwhile, and its
     * method must then not run at all (its outside effects, a mail sent, could not be rolled back with its work).
     * A shorter wait is not asked about, so the hot path pays nothing.
     */
    static final Duration ASK_AFTER_WAITING = RunningJobs.MARK_AFTER;

    /**
     * How long a stop waits, past its timeout, for the runs it interrupted to return: an interrupted wait returns at
     * once, and the rest of the run (its rollback) takes milliseconds; one deaf to it is not waited for longer.
     */
    static final Duration STOP_INTERRUPT_GRACE = Duration.ofSeconds(5);

    /** A job handed to this server, and when it came ({@code System.nanoTime}). */
    private record Buffered(ClaimedJob job, long sinceNanos) {}

    private final BlockingQueue<Buffered> ready = new LinkedBlockingQueue<>();
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private final RunningJobs running = new RunningJobs();
    private final AtomicInteger loops = new AtomicInteger();
    private final Object loopsMonitor = new Object();

    private volatile boolean active;
    /** When a job last ended here (System.nanoTime), for the liveness check: buffered jobs must not wait forever. */
    private volatile long lastEndNanos = System.nanoTime();

    private volatile int size;
    private Executor executor;
    private Ended onEnded;

    /** Starts running what is offered: at most {@code size} jobs at once on {@code executor}. */
    void start(int size, Executor executor, Ended onEnded) {
        this.size = size;
        this.executor = executor;
        this.onEnded = onEnded;
        this.active = true;
    }

    public int size() {
        return size;
    }

    /** How many jobs this server holds: buffered or running. */
    int heldCount() {
        return held.size();
    }

    /** How long ago a job last ended on this server. */
    Duration sinceLastEnd() {
        return Duration.ofNanos(System.nanoTime() - lastEndNanos);
    }

    /**
     * Held jobs over workers, at most 1: what a paced batch run gives way to. A job handed to this server and still
     * buffered counts as busy too, since a worker takes it as soon as one is free.
     */
    @Override
    public double busyShare() {
        int workers = size;
        return workers == 0 ? 0 : Math.min(1.0, (double) held.size() / workers);
    }

    /** How many jobs wait here for a free worker. */
    int buffered() {
        return ready.size();
    }

    /** The ids of the jobs this server holds, for a look at the database that must leave them out. */
    Set<Long> held() {
        return Set.copyOf(held);
    }

    /** The held jobs that are running now, with their start. */
    RunningJobs running() {
        return running;
    }

    /** Takes jobs handed to this server; one already held is ignored. Returns how many were new. */
    int offer(Collection<ClaimedJob> jobs) {
        int added = 0;
        for (ClaimedJob job : jobs) {
            if (active && held.add(job.id())) {
                ready.add(new Buffered(job, System.nanoTime()));
                added++;
            }
        }
        if (added > 0) {
            startLoops();
        }
        return added;
    }

    private void startLoops() {
        while (active && !ready.isEmpty()) {
            int running = loops.get();
            if (running >= size || running >= held.size()) {
                return;
            }
            if (loops.compareAndSet(running, running + 1)) {
                try {
                    executor.execute(this::workLoop);
                } catch (RuntimeException e) {
                    // Rejected (shutting down): the held jobs are released by the shutdown or rescued.
                    loopEnded();
                    LOG.log(Level.WARNING, "Worker loop not started", e);
                    return;
                }
            }
        }
    }

    /** Runs buffered jobs until none comes for {@link #LINGER}. */
    private void workLoop() {
        RequestContextController controller = requestContexts.get();
        try {
            do {
                try (RequestPerJob requests = RequestPerJob.open(controller)) {
                    runner.runWhileReady(new WorkerLoop(requests), worker.name());
                } catch (RuntimeException e) {
                    // Only the container can get here (the runner handles every failure of a job itself); the job
                    // stays with this server in the database, and the next look at its jobs runs it again.
                    LOG.log(Level.SEVERE, "Jobs could not be run; they will be run again", e);
                }
            } while (stayForMore());
        } finally {
            requestContexts.destroy(controller);
        }
    }

    /** What a worker loop gives the runner. */
    private final class WorkerLoop implements JobRunner.Loop {

        private final RequestPerJob requests;

        WorkerLoop(RequestPerJob requests) {
            this.requests = requests;
        }

        @Override
        public ClaimedJob next() {
            return Workers.this.next();
        }

        /**
         * Only while no job waits here: a waiting job was handed over earlier, in dispatch order, and its own slot
         * counts already; the ended job's slot then goes back to the leader, to refill the buffer in order, rather
         * than to a later job that would start first.
         */
        @Override
        public Optional<SlotPass> passFor(ClaimedJob job) {
            return ready.isEmpty() ? slotPassing.passFor(job) : Optional.empty();
        }

        @Override
        public CallWindow started(ClaimedJob job, Instant startedAt) {
            RunningJobs.Run run = running.started(job, startedAt);
            if (job.takenBackUnstarted()) {
                markAtOnce(run);
            }
            return run;
        }

        @Override
        public boolean takeOn(ClaimedJob job, ClaimedJob next) {
            slotPassing.passed(job, next);
            return active && held.add(next.id());
        }

        @Override
        public void ended(ClaimedJob job, JobRunner.Outcome outcome, ClaimedJob next) {
            try {
                requests.renew();
            } finally {
                Workers.this.ended(job, outcome, next);
            }
        }
    }

    /**
     * A job taken back unstarted from a server that died may have taken that server down within its first second,
     * before the server marked it ({@link org.queuejob.domain.model.job.RunCutShort}): its run is marked started now,
     * before its transaction begins, not a second from now, so that if it takes this server down too, that try counts.
     * One statement more, for such jobs only. Should the mark fail (the database away), the watch marks the run a
     * second later as any other.
     */
    private void markAtOnce(RunningJobs.Run run) {
        try {
            if (store.markStarted(worker.name(), new long[] {run.id()}, new Instant[] {run.startedAt()})
                    .contains(run.id())) {
                running.marked(List.of(run));
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not mark job " + run.job().uuid() + " started as its run begins (" + e.getMessage()
                    + "); it is marked a second later, as any run");
        }
    }

    private ClaimedJob next() {
        while (active) {
            Buffered buffered;
            try {
                buffered = ready.poll(LINGER.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            if (buffered == null) {
                return null;
            }
            if (!takenWhileWaiting(buffered)) {
                return buffered.job();
            }
            ClaimedJob job = buffered.job();
            LOG.info(() -> "Job " + job.uuid() + " (" + job.jobFunction() + ") was cancelled, set done or requeued"
                    + " while it waited here for a worker: not run");
            ended(job, JobRunner.Outcome.TAKEN_AWAY, null);
        }
        return null;
    }

    /**
     * Whether a job that waited here {@link #ASK_AFTER_WAITING} or more is no longer this server's as handed over.
     * When the database cannot say, it runs: its done mark applies only if it is still this server's.
     */
    private boolean takenWhileWaiting(Buffered buffered) {
        if (System.nanoTime() - buffered.sinceNanos() < ASK_AFTER_WAITING.toNanos()) {
            return false;
        }
        ClaimedJob job = buffered.job();
        try {
            return !store.notHeld(worker.name(), new long[] {job.id()}, new long[] {job.version()})
                    .isEmpty();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not ask whether job " + job.id() + " is still this server's; running it", e);
            return false;
        }
    }

    /** A loop about to end takes more work if some arrived between its last look and now. */
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

    private void ended(ClaimedJob job, JobRunner.Outcome outcome, ClaimedJob next) {
        lastEndNanos = System.nanoTime();
        running.ended(job.id());
        held.remove(job.id());
        slotPassing.ended(job);
        if (outcome == JobRunner.Outcome.TAKEN_AWAY) {
            // Before the leader hears of the end: it would otherwise read the run as going on, and keep its slot.
            runsTakenAway.returned(job);
        }
        onEnded.accept(job, outcome, next);
    }

    /**
     * Stops: buffered jobs are dropped here (the caller releases them in the database), running ones get up to
     * {@code timeout}. The runs still going then are taken from this server, as a job taken by hand is: whatever they
     * do next is rolled back and not recorded (the caller releases their jobs, uncounted). Those whose job function
     * {@code interrupts} (as {@code queue-job.cancel-interrupt} says) are interrupted, {@code interrupted} told of each,
     * and given up to {@link #STOP_INTERRUPT_GRACE} more to return: until 2026-12-07 they ran on past the stop, while
     * their jobs, released, ran again on another server, two runs of one job at once. Returns the ids still running.
     */
    Set<Long> stop(Duration timeout, Predicate<String> interrupts, Runnable interrupted) {
        active = false;
        for (Buffered buffered = ready.poll(); buffered != null; buffered = ready.poll()) {
            held.remove(buffered.job().id());
        }
        if (loopsEndWithin(timeout)) {
            return Set.copyOf(held);
        }
        List<RunningJobs.Run> going = running.going();
        running.takenAway(going);
        boolean anyInterrupted = false;
        for (RunningJobs.Run run : going) {
            if (interrupts.test(run.function()) && run.interrupt()) {
                interrupted.run();
                anyInterrupted = true;
            }
        }
        if (anyInterrupted) {
            loopsEndWithin(STOP_INTERRUPT_GRACE);
        }
        return Set.copyOf(held);
    }

    /** Waits up to {@code timeout} for every worker loop to end; whether they all did. */
    private boolean loopsEndWithin(Duration timeout) {
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
}
