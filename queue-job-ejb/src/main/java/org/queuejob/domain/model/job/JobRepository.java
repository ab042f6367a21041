package org.queuejob.domain.model.job;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Where jobs live, as the application's use cases see them. Implementations join the caller's transaction. (New jobs
 * go to {@link NewJobs}; the dispatcher's and workers' statements are not here: they are the infrastructure's own
 * business.)
 */
public interface JobRepository {

    /** Writes pending changes of loaded jobs now, before statements that read them in SQL. */
    void flush();

    Optional<QueueJob> find(UUID uuid);

    /** Children of {@code parentId} waiting for dependencies whose parents are now all done go to pending (T3). */
    int releaseChildrenOf(long parentId);

    /** Whether all parents of a job are done (true for a job without parents). */
    boolean parentsAllDone(long id);

    /**
     * Cancels every descendant of a job that has not ended; returns how many. A descendant held by a server has its
     * run recorded as taken away, as {@link #recordRunTakenAway} does.
     */
    int cancelDescendantsOf(long id, String result, Instant now);

    /**
     * {@code run}'s job was just changed by hand in this transaction: the run goes on until its method returns (its
     * work is rolled back then), and keeps its channel's slot until it does, on whichever server it runs. Recorded with
     * the change, in the same transaction; the run's server forgets it when the run returns.
     */
    void recordRunTakenAway(HeldRun run, Instant takenAt);

    /** Loads the job and locks its row until the transaction ends. */
    Optional<QueueJob> lockById(long id);
}
