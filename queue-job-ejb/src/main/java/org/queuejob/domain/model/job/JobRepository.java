package org.queuejob.domain.model.job;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.queuejob.domain.scheduling.CandidateJob;

/** Where jobs live. Implementations join the caller's transaction unless a method says otherwise. */
public interface JobRepository {

    void store(QueueJob job);

    /** Writes pending changes of loaded jobs now, before statements that read them in SQL. */
    void flush();

    /**
     * Stores a job that has an identity key unless a job with the same key is still waiting (wait_dependencies,
     * pending, enqueued); returns the uuid of the job that now holds the key: this one, or the one already there.
     * Race-free: a concurrent insert of the same key waits for the first to commit, then finds it.
     */
    UUID storeUnlessWaiting(QueueJob job);

    Optional<QueueJob> find(UUID uuid);

    /**
     * Stores the jobs of a graph and its edges ({@code parents[i]} → {@code children[i]}, indexes into {@code
     * jobs}) with a bounded number of statements: batched inserts of the jobs, one insert of all edges.
     *
     * <p>A graph is stored whole or not at all: when a job of it has an identity key a waiting job already holds,
     * nothing of the graph is stored, and the result maps the index of each such job to the holder's uuid (empty
     * when the graph was stored). Race-free as {@link #storeUnlessWaiting}.
     */
    Map<Integer, UUID> storeGraph(List<QueueJob> jobs, int[] parents, int[] children);

    /** Children of {@code parentId} waiting for dependencies whose parents are now all done go to pending (T3). */
    int releaseChildrenOf(long parentId);

    /** Every job waiting for dependencies whose parents are all done goes to pending: the safety net of T3. */
    int releaseAllReady();

    /** Whether all parents of a job are done (true for a job without parents). */
    boolean parentsAllDone(long id);

    /** Cancels every descendant of a job that has not ended; returns how many. */
    int cancelDescendantsOf(long id, String result, Instant now);

    /** Loads the job and locks its row until the transaction ends, so only one worker can run it. */
    Optional<QueueJob> lockById(long id);

    /**
     * The first {@code limit} pending jobs of a configured channel, in dispatch order (priority, date created, id):
     * jobs whose channel is {@code channel} or below it, except those below its configured {@code children}, of
     * the given job functions (a server only runs what it has), due at {@code now} unless {@code includeFutureEta}.
     * Reads only: the channel scheduler decides which of them start.
     */
    List<CandidateJob> pendingHeads(
            String channel,
            Collection<String> children,
            int limit,
            boolean includeFutureEta,
            Collection<String> functions,
            Instant now);

    /**
     * The leader's dispatch: the chosen pending jobs become enqueued, for any server's workers to take; returns the
     * ids it changed. Changes nothing unless {@code epoch} is still the current leader epoch (fencing).
     */
    List<Long> dispatch(Collection<Long> ids, long epoch, Instant now);

    /** Jobs occupying channel slots on any server (enqueued or started): job id → channel. */
    Map<Long, String> occupying();

    /**
     * Takes up to {@code max} dispatched jobs of the given functions for {@code worker} (enqueued → started), with
     * what the worker needs to run them; jobs another server takes at the same moment are skipped, not waited for.
     */
    List<ClaimedJob> takeDispatched(int max, String worker, Collection<String> functions, Instant now);

    /** The jobs in a failed state under a channel (itself and below): a sequential channel stays blocked by them. */
    Map<Long, String> failedUnder(String channel);

    /**
     * Marks a job claimed by {@code worker} done, in the caller's transaction (the one holding the job's own work):
     * the SQL form of the original's T10 (done, counting one try). Returns false when the job is no longer started
     * by this worker (cancelled, set done by hand, or rescued while it ran): the caller must then roll back the
     * job's work.
     */
    boolean completeClaimed(long id, String worker, Instant startedAt, Instant doneAt, String result);

    /** Jobs waiting to run whose job function is not among {@code functions}, counted per function. */
    Map<String, Long> countWaitingOutside(Collection<String> functions);

    /** The earliest eta still in the future among pending jobs: when the dispatcher must look again. */
    Optional<Instant> nextEta(Instant now);

    /** Returns jobs that {@code worker} claimed but is not running (outside {@code inFlight}) to pending. */
    int releaseAbandoned(String worker, Collection<Long> inFlight);
}
