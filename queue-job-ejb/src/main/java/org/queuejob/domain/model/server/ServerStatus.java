package org.queuejob.domain.model.server;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * One server of the queue, as its record and the jobs it holds show it. Times since an event are measured on the
 * database's clock, so that the servers' clocks need not agree.
 *
 * @param name its name, as its jobs' {@code worker} has it
 * @param leader whether it holds the leader's term: it dispatches for the whole cluster
 * @param startedAt when it first recorded itself
 * @param sinceHeartbeat how long ago it last recorded that it is alive
 * @param processAlive whether its liveness lock is held: false once its process or its connection to the database has
 *     ended
 * @param workers jobs it runs at once (0: it only enqueues)
 * @param heldLimit jobs it may hold at once, running and ready for its next free worker
 * @param jobFunctions how many job functions it can run
 * @param jobsHeld jobs handed to it that have not ended: running, or ready in its buffer
 * @param jobsStarted of those, the ones marked started (running for over a second)
 * @param quietSince when it was made quiet (it takes no new jobs and finishes those it holds); null while it takes jobs
 * @param quietBy who made it quiet; null while it takes jobs
 */
public record ServerStatus(
        String name,
        boolean leader,
        Instant startedAt,
        Duration sinceHeartbeat,
        boolean processAlive,
        int workers,
        int heldLimit,
        int jobFunctions,
        long jobsHeld,
        long jobsStarted,
        Instant quietSince,
        String quietBy)
        implements Serializable {

    /** Whether it takes no new jobs: the leader hands it none, and it finishes those it holds. */
    public boolean quiet() {
        return quietSince != null;
    }

    /** Whether it is quiet and holds no job any more: it can be stopped without cutting a job short. */
    public boolean drained() {
        return quiet() && jobsHeld == 0;
    }

    /** What the leader makes of a server. */
    public enum Condition {
        /** It beats and its process holds its lock. */
        ALIVE("alive"),
        /** Its process, or its session with the database, ended without it leaving: its jobs go back to pending. */
        PROCESS_ENDED("ended"),
        /** Its process may still be there, but it has not beaten for longer than the cluster allows. */
        SILENT("silent");

        private final String word;

        Condition(String word) {
            this.word = word;
        }

        /** The condition in one lower-case word, as the back office and the API show it. */
        public String word() {
            return word;
        }
    }

    /**
     * The leader's verdict with {@code deadAfter} as the silence allowed ({@code queue-job.dead-after-seconds}): a
     * server is dead when its lock has no holder, or when it has been silent longer than that.
     */
    public Condition condition(Duration deadAfter) {
        if (!processAlive) {
            return Condition.PROCESS_ENDED;
        }
        return sinceHeartbeat.compareTo(deadAfter) > 0 ? Condition.SILENT : Condition.ALIVE;
    }

    /**
     * Refuses to make this server quiet unless it is alive by {@code deadAfter}: a dead server gets no job anyway, and
     * its jobs go back to pending.
     *
     * @throws ServerNotRunningException when the leader takes it for dead
     */
    public void requireRunning(Duration deadAfter) {
        Condition condition = condition(deadAfter);
        if (condition != Condition.ALIVE) {
            throw new ServerNotRunningException(name, condition);
        }
    }
}
