package org.queuejob.domain.model.bulk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.queuejob.domain.model.autovacuum.RunOutcome;

/**
 * The bulk actions' records, in the database every server shares. An execution changes jobs only while its epoch is
 * the record's: a resume or a takeover increments the epoch, so an execution that was given up for dead (its server
 * stopped beating) changes nothing more even if it wakes up. Every chunk locks the record, changes its jobs and moves
 * the checkpoint in one transaction.
 */
public interface BulkActionRuns {

    /** What a new action is. */
    record NewAction(
            String action,
            Integer priority,
            String channel,
            String filter,
            String filterText,
            long[] selection,
            long maxId,
            String startedBy,
            Instant startedAt,
            long matched,
            int chunkSize,
            double maxDuty) {}

    /** What one chunk did, counted in its own transaction. */
    record ChunkCounts(long lastId, int changed, int skippedState, int skippedGone) {}

    /** Records a new running action on this server, epoch 1. */
    BulkActionRun insert(NewAction action);

    /** The selected job ids of a selection action after {@code afterId}, ascending, at most {@code limit}. */
    List<Long> selectionAfter(long runId, long afterId, int limit);

    /** The batch runtime accepted the action's current epoch as this execution. */
    void executionStarted(long runId, int epoch, long executionId);

    /**
     * In the chunk's transaction, before it changes any job: holds the record against a change of its epoch until
     * the chunk commits, and nothing else (a stop request is never held up by a chunk). False when {@code epoch} is no
     * longer the running one (stopped, taken over, resumed elsewhere): the chunk must change nothing.
     */
    boolean holdForChunk(long runId, int epoch);

    /** In the chunk's transaction: its counts, one more chunk, and the new checkpoint. */
    void chunkWritten(long runId, int epoch, ChunkCounts counts);

    /**
     * After a chunk committed: its working time, and a beat.
     *
     * @return empty when the epoch is no longer the running one; otherwise whether a stop was requested
     */
    Optional<Boolean> chunkDone(long runId, int epoch, Duration working);

    /** A beat during a pause; as {@link #chunkDone}. */
    Optional<Boolean> beat(long runId, int epoch);

    /** Asks a running action to stop after its current chunk, wherever it runs. False if it is not running. */
    boolean requestStop(long runId);

    /**
     * Ends the epoch's run: a completed one counts the matched jobs it never reached (they left the filter) as no
     * longer applying. Does nothing when the epoch is not the running one.
     */
    void finish(long runId, int epoch, RunOutcome outcome, String reason, Instant now);

    /**
     * Makes a stopped or failed action running again on this server, with a new epoch.
     *
     * @return empty if it is neither stopped nor failed
     */
    Optional<BulkActionRun> reclaim(long runId);

    /**
     * Takes over a running action whose execution is gone, with a new epoch on this server: only if its epoch is still
     * {@code seenEpoch}, so that of many servers trying at once one wins.
     */
    Optional<BulkActionRun> takeOver(long runId, int seenEpoch);

    /**
     * The running actions whose execution is gone: this server's that have not beaten since {@code restartedAt} (it
     * ran them before it restarted), and any server's that have been silent for longer than {@code deadAfter}.
     */
    List<BulkActionRun> orphaned(Instant restartedAt, Duration deadAfter);

    Optional<BulkActionRun> find(long runId);

    /** The latest actions, newest first. */
    List<BulkActionRun> latest(int count);
}
