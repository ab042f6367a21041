package org.queuejob.infrastructure.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
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

    /** A run of {@code job} on {@code thread} since {@code startedAt}. */
    static final class Run {

        private final ClaimedJob job;
        private final Instant startedAt;
        private final Thread thread;
        private volatile boolean marked;
        private volatile boolean toldOverdue;

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
    }

    private final ConcurrentHashMap<Long, Run> running = new ConcurrentHashMap<>();

    /** {@code job} starts running now on the calling thread. */
    void started(ClaimedJob job, Instant startedAt) {
        running.put(job.id(), new Run(job, startedAt, Thread.currentThread()));
    }

    void ended(long id) {
        running.remove(id);
    }

    /** The runs not marked yet that started at least {@link #MARK_AFTER} before {@code now}, oldest first. */
    List<Run> toMark(Instant now) {
        Instant startedBy = now.minus(MARK_AFTER);
        return oldestFirst(run -> !run.marked && !run.startedAt.isAfter(startedBy));
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

    /** How many runs have lasted longer than their timeout and still run. */
    int overdue() {
        return (int) running.values().stream().filter(run -> run.toldOverdue).count();
    }

    int size() {
        return running.size();
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
