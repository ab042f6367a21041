package org.queuejob.infrastructure.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.queuejob.domain.model.job.ClaimedJob;

/**
 * The jobs running on this server now: for each its start, its thread, whether the database has it as started yet
 * and whether anyone was told it outlived its timeout. A job's run commits its start with its done mark, so a job of
 * a few milliseconds is never marked; one still running after {@link #MARK_AFTER} is, so that people see it as
 * started while it runs. Touched by the workers (start, end) and by {@link RunningJobsWatch}; a run is its own object,
 * so a run of the same job started again (its retry, here) is a new one, never confused with the last.
 */
final class RunningJobs {

    /** How long a job runs before it is marked started: longer than most jobs take, short for someone watching. */
    static final Duration MARK_AFTER = Duration.ofSeconds(1);

    /**
     * A run of {@code job} on {@code thread} since {@code startedAt}, and its job's call: the window an interrupt at
     * the timeout may reach. The call's phase moves only forwards, so an interrupt either lands while the job's method
     * runs, or not at all: {@link #interrupt} takes it from in-call to interrupting with a compare-and-set, as
     * {@link #close} takes it from in-call to after; whichever is first wins, and a close that loses waits for the
     * interrupt to be given before it clears the thread's flag.
     */
    static final class Run implements CallWindow {

        private static final int BEFORE_CALL = 0;
        private static final int IN_CALL = 1;
        private static final int INTERRUPTING = 2;
        private static final int INTERRUPTED = 3;
        private static final int AFTER_CALL = 4;

        private final ClaimedJob job;
        private final Instant startedAt;
        private final Thread thread;
        private volatile boolean marked;
        private volatile boolean toldOverdue;
        /** Its job was cancelled, set done or requeued while it ran: its work is to be rolled back, not recorded. */
        private volatile boolean takenAway;
        /** Its phase, one of the constants above: a field, not an object per run. */
        private volatile int call = BEFORE_CALL;

        private static final AtomicIntegerFieldUpdater<Run> CALL =
                AtomicIntegerFieldUpdater.newUpdater(Run.class, "call");

        Run(ClaimedJob job, Instant startedAt, Thread thread) {
            this.job = job;
            this.startedAt = startedAt;
            this.thread = thread;
        }

        long id() {
            return job.id();
        }

        ClaimedJob job() {
            return job;
        }

        String function() {
            return job.jobFunction();
        }

        Instant startedAt() {
            return startedAt;
        }

        Thread thread() {
            return thread;
        }

        @Override
        public void open() {
            CALL.compareAndSet(this, BEFORE_CALL, IN_CALL);
        }

        @Override
        public void close() {
            if (CALL.compareAndSet(this, IN_CALL, AFTER_CALL)) {
                return;
            }
            while (call == INTERRUPTING) {
                Thread.onSpinWait();
            }
            if (call == INTERRUPTED) {
                // Heard or not by the job, the flag is the interrupt's: the queue's own work goes on without it.
                Thread.interrupted();
            }
        }

        @Override
        public boolean interrupted() {
            return call == INTERRUPTED && !takenAway;
        }

        @Override
        public boolean takenAway() {
            return takenAway;
        }

        /** Interrupts the job's thread if its method is running now; whether it did. Once per run at most. */
        boolean interrupt() {
            if (!CALL.compareAndSet(this, IN_CALL, INTERRUPTING)) {
                return false;
            }
            try {
                thread.interrupt();
            } finally {
                call = INTERRUPTED;
            }
            return true;
        }

        /** Whether the job's method runs now, not interrupted. */
        boolean inCall() {
            return call == IN_CALL;
        }

        /** Whether the job's method may still be interrupted: it has not been, and has not returned. */
        boolean interruptible() {
            int phase = call;
            return phase == BEFORE_CALL || phase == IN_CALL;
        }
    }

    private final ConcurrentHashMap<Long, Run> running = new ConcurrentHashMap<>();

    /** {@code job} starts running now on the calling thread; the window of its call, not yet open. */
    Run started(ClaimedJob job, Instant startedAt) {
        Run run = new Run(job, startedAt, Thread.currentThread());
        running.put(job.id(), run);
        return run;
    }

    void ended(long id) {
        running.remove(id);
    }

    /**
     * The runs not marked yet that started at least {@link #MARK_AFTER} before {@code now}, oldest first. A run
     * taken away is never marked: its row is someone else's now.
     */
    List<Run> toMark(Instant now) {
        Instant startedBy = now.minus(MARK_AFTER);
        return oldestFirst(run -> !run.marked && !run.takenAway && !run.startedAt.isAfter(startedBy));
    }

    /**
     * The runs to ask the database about: started at least {@link #MARK_AFTER} before {@code now} (a shorter run is
     * never looked at, so the hot path pays nothing), not found taken away yet, and whose method runs now, not
     * interrupted (one not called yet is asked about once it is). Oldest first.
     */
    List<Run> toCheck(Instant now) {
        Instant startedBy = now.minus(MARK_AFTER);
        return oldestFirst(run -> !run.takenAway && run.inCall() && !run.startedAt.isAfter(startedBy));
    }

    /** The runs going on now, oldest first. */
    List<Run> going() {
        return oldestFirst(run -> true);
    }

    /**
     * The database no longer has these runs' jobs as this server's, as handed over: someone cancelled, set done or
     * requeued them while they ran. Each is found once; its end then rolls its work back without recording it.
     */
    void takenAway(Collection<Run> runs) {
        runs.forEach(run -> run.takenAway = true);
    }

    /** The database has these runs as started. A run that ended meanwhile has left, and stays gone. */
    void marked(Collection<Run> runs) {
        runs.forEach(run -> run.marked = true);
    }

    /**
     * The runs that are past their job function's timeout by {@code now} ({@code pastTimeout}: function, time run)
     * and were not told of yet, oldest first; each is told of once.
     */
    List<Run> newlyOverdue(Instant now, BiPredicate<String, Duration> pastTimeout) {
        List<Run> overdue = oldestFirst(
                run -> !run.toldOverdue && pastTimeout.test(run.function(), Duration.between(run.startedAt, now)));
        overdue.forEach(run -> run.toldOverdue = true);
        return overdue;
    }

    /**
     * The runs past their job function's timeout by {@code now} whose function is interrupted then ({@code
     * interruptedAt}: function, time run) and whose method may still be interrupted, oldest first.
     */
    List<Run> toInterrupt(Instant now, BiPredicate<String, Duration> interruptedAt) {
        return oldestFirst(
                run -> run.interruptible() && interruptedAt.test(run.function(), Duration.between(run.startedAt, now)));
    }

    /** How many runs have lasted longer than their timeout and still run. */
    int overdue() {
        return (int) running.values().stream().filter(run -> run.toldOverdue).count();
    }

    /** How many runs go on after their job was taken from them (not interrupted, or deaf to it). */
    int takenAway() {
        return (int) running.values().stream().filter(run -> run.takenAway).count();
    }

    int size() {
        return running.size();
    }

    /** The channel of each job running here now, by job id. */
    Map<Long, String> channels() {
        Map<Long, String> channels = new HashMap<>();
        running.forEach((id, run) -> channels.put(id, run.job().channel()));
        return channels;
    }

    private List<Run> oldestFirst(Predicate<Run> which) {
        List<Run> runs = new ArrayList<>();
        for (Run run : running.values()) {
            if (which.test(run)) {
                runs.add(run);
            }
        }
        runs.sort(Comparator.comparing(Run::startedAt));
        return runs;
    }
}
