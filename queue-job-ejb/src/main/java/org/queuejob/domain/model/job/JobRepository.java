package org.queuejob.domain.model.job;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where jobs live. Implementations join the caller's transaction unless a method says otherwise. */
public interface JobRepository {

    void store(QueueJob job);

    Optional<QueueJob> find(UUID uuid);

    Optional<QueueJob> findById(long id);

    /** Loads the job and locks its row until the transaction ends, so only one worker can run it. */
    Optional<QueueJob> lockById(long id);

    /**
     * Moves up to {@code limit} runnable pending jobs (eta passed) of the given job functions to enqueued for
     * {@code worker}, in (priority, date created, id) order, skipping rows other transactions hold. Returns their
     * ids. A server only claims what it can run: jobs of functions it does not have stay pending for one that does.
     */
    List<ClaimedJob> claimPending(int limit, String worker, Collection<String> functions, Instant now);

    /**
     * Marks a job claimed by {@code worker} done, in the caller's transaction (the one holding the job's own work):
     * the SQL form of the original's T9 + T10 (started, then done, counting one try). Returns false when the job is
     * no longer enqueued for this worker (cancelled or set done by hand while it ran): the caller must then roll
     * back the job's work.
     */
    boolean completeClaimed(long id, String worker, Instant startedAt, Instant doneAt, String result);

    /** Jobs waiting to run whose job function is not among {@code functions}, counted per function. */
    Map<String, Long> countWaitingOutside(Collection<String> functions);

    /** The earliest eta still in the future among pending jobs: when the dispatcher must look again. */
    Optional<Instant> nextEta(Instant now);

    /** Returns jobs that {@code worker} claimed but is not running (outside {@code inFlight}) to pending. */
    int releaseAbandoned(String worker, Collection<Long> inFlight);
}
