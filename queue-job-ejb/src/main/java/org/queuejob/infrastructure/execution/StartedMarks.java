package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.config.WorkerIdentity;
import org.queuejob.infrastructure.execution.RunningJobs.Run;
import org.queuejob.infrastructure.persistence.QueueStore;

/**
 * Once a second, marks started in the database the jobs that have run here for {@link RunningJobs#MARK_AFTER} (the
 * original's {@code started}, with the run's start), in one statement of its own for all of them. A job's start
 * commits with its done mark, so without this a job running for an hour would show as {@code enqueued}, like one
 * still waiting in this server's buffer. Nothing of it is on a job's path: a short job is never marked, and a mark
 * neither waits for a job's transaction nor makes one wait (see {@code JobStatements.MARK_STARTED}).
 */
@ApplicationScoped
public class StartedMarks {

    static final Duration EVERY = Duration.ofSeconds(1);

    private static final Logger LOG = Logger.getLogger(StartedMarks.class.getName());

    /** While the database is away every look fails: a line a minute says so. */
    private static final QuietLog UNMARKED_LOG = new QuietLog(LOG, Duration.ofMinutes(1));

    @Inject
    Workers workers;

    @Inject
    QueueStore store;

    @Inject
    WorkerIdentity me;

    @Inject
    QueueThreads threads;

    @Inject
    @QueueJobClock
    Clock clock;

    private ScheduledFuture<?> task;

    void start() {
        task = threads.runEvery(EVERY, this::mark);
    }

    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /**
     * Marks what is due. A job not marked (it ended meanwhile, its row was locked by its own done mark, someone
     * cancelled it while it runs) is looked at again at the next tick, as long as it runs here.
     */
    void mark() {
        RunningJobs running = workers.running();
        List<Run> due = running.toMark(clock.instant());
        if (due.isEmpty()) {
            return;
        }
        long[] ids = new long[due.size()];
        Instant[] startedAt = new Instant[due.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = due.get(i).id();
            startedAt[i] = due.get(i).startedAt();
        }
        try {
            Set<Long> marked = store.markStarted(me.name(), ids, startedAt);
            running.marked(due.stream().filter(run -> marked.contains(run.id())).toList());
        } catch (RuntimeException e) {
            UNMARKED_LOG.warn(() -> "Could not mark " + ids.length + " running job(s) started (" + e.getMessage()
                    + "); trying again in a second");
        }
    }
}
