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

    /** Cancels every descendant of a job that has not ended; returns how many. */
    int cancelDescendantsOf(long id, String result, Instant now);

    /** Loads the job and locks its row until the transaction ends. */
    Optional<QueueJob> lockById(long id);
}
