package org.queuejob.infrastructure.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jobs running on this server now, with their start, and whether the database has them as started yet. A job's
 * run commits its start with its done mark, so a job of a few milliseconds is never marked; one still running after
 * {@link #MARK_AFTER} is, so that people see it as started (with its start) while it runs. Touched by the workers
 * (start, end) and by the marking task; a job's entry is its own, so no lock is shared beyond the map's.
 */
final class RunningJobs {

    /** How long a job runs before it is marked started: longer than most jobs take, short for someone watching. */
    static final Duration MARK_AFTER = Duration.ofSeconds(1);

    /** A job running here since {@code startedAt}; {@code marked} once the database has it as started. */
    record Run(long id, Instant startedAt, boolean marked) {}

    private final ConcurrentHashMap<Long, Run> running = new ConcurrentHashMap<>();

    void started(long id, Instant startedAt) {
        running.put(id, new Run(id, startedAt, false));
    }

    void ended(long id) {
        running.remove(id);
    }

    /** The runs not marked yet that started at least {@link #MARK_AFTER} before {@code now}, oldest first. */
    List<Run> toMark(Instant now) {
        Instant startedBy = now.minus(MARK_AFTER);
        List<Run> due = new ArrayList<>();
        for (Run run : running.values()) {
            if (!run.marked() && !run.startedAt().isAfter(startedBy)) {
                due.add(run);
            }
        }
        due.sort((a, b) -> a.startedAt().compareTo(b.startedAt()));
        return due;
    }

    /**
     * The database has these runs as started. A job that ended meanwhile has left and stays gone, and a job of the
     * same id started again since (its retry, on this server) keeps its new, unmarked run.
     */
    void marked(Collection<Run> runs) {
        for (Run run : runs) {
            running.replace(run.id(), run, new Run(run.id(), run.startedAt(), true));
        }
    }

    int size() {
        return running.size();
    }
}
