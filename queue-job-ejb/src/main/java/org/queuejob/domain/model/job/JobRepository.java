package org.queuejob.domain.model.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where jobs live, as the application's use cases see them. Implementations join the caller's transaction. (The
 * dispatcher's and workers' statements are not here: they are the infrastructure's own business.)
 */
public interface JobRepository {

    /**
     * Stores a new job in the caller's transaction. The row may be written only when the transaction commits, with
     * the transaction's other new jobs in one statement (the id is given then); this repository's own reads and
     * writes see it before.
     */
    void store(QueueJob job);

    /** Writes pending changes of loaded jobs now, before statements that read them in SQL. */
    void flush();

    /**
     * Stores a job that has an identity key unless a job with the same key is waiting (waiting for dependencies, or
     * pending); returns the uuid of the job that now holds the key: this one, or the one already there. Race-free:
     * a concurrent enqueue of the same key waits for the first transaction to end, then finds its job.
     */
    UUID storeUnlessWaiting(QueueJob job);

    Optional<QueueJob> find(UUID uuid);

    /**
     * Stores the jobs of a graph and its edges ({@code parents[i]} → {@code children[i]}, indexes into {@code
     * jobs}) with a bounded number of statements, whatever the graph's size.
     *
     * <p>A graph is stored whole or not at all: when a job of it has an identity key a waiting job already holds,
     * nothing of the graph is stored, and the result maps the index of each such job to the holder's uuid (empty
     * when the graph was stored). Race-free as {@link #storeUnlessWaiting}.
     */
    Map<Integer, UUID> storeGraph(List<QueueJob> jobs, int[] parents, int[] children);

    /** Children of {@code parentId} waiting for dependencies whose parents are now all done go to pending (T3). */
    int releaseChildrenOf(long parentId);

    /** Whether all parents of a job are done (true for a job without parents). */
    boolean parentsAllDone(long id);

    /** Cancels every descendant of a job that has not ended; returns how many. */
    int cancelDescendantsOf(long id, String result, Instant now);

    /** Loads the job and locks its row until the transaction ends. */
    Optional<QueueJob> lockById(long id);
}
