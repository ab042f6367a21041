package org.queuejob.domain.model.bulk;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.autovacuum.RunOutcome;

/**
 * One bulk action as its record says: what it does ({@code action}, with the new priority or channel), to which jobs
 * (the filter, or the selected ids), who started it, and how far it has come. {@code lastId} is its checkpoint: every
 * job with a smaller or equal id that it would go through has been gone through, in the same transactions that
 * counted it. {@code epoch} fences executions: only the execution started for the current epoch may change jobs.
 *
 * @param matched the jobs it applied to when it started (the selection's size, or the jobs matching the filter in
 *     a state the action applies to)
 * @param skippedState jobs not changed because they were no longer in a state the action applies to
 * @param skippedGone jobs not changed because they had been deleted
 */
public record BulkActionRun(
        long id,
        String action,
        Integer priority,
        String channel,
        String filter,
        String filterText,
        boolean selection,
        long maxId,
        String startedBy,
        Instant startedAt,
        Instant endedAt,
        RunOutcome outcome,
        String reason,
        boolean stopRequested,
        long matched,
        long changed,
        long skippedState,
        long skippedGone,
        long lastId,
        int chunks,
        long workingMillis,
        AutovacuumPace pace,
        String server,
        int epoch,
        int executions,
        Long executionId)
        implements Serializable {

    /** Said of jobs not changed because their state no longer allowed it. */
    public static final String NO_LONGER_APPLIES =
            "no longer in a state this action applies to (it changed meanwhile).";

    /** Said of jobs not changed because they were deleted before the action reached them. */
    public static final String GONE = "deleted before the action reached them.";

    public BulkActionRun {
        Objects.requireNonNull(action, "An action is required.");
        Objects.requireNonNull(outcome, "An outcome is required.");
        Objects.requireNonNull(pace, "A pace is required.");
    }

    public long notChanged() {
        return skippedState + skippedGone;
    }

    /** Jobs gone through: changed or not. */
    public long processed() {
        return changed + notChanged();
    }

    public boolean finished() {
        return outcome != RunOutcome.RUNNING;
    }

    /** 0 to 100; 100 once it completed (some matched jobs may have left the filter before it reached them). */
    public int percent() {
        if (outcome == RunOutcome.COMPLETED) {
            return 100;
        }
        if (matched <= 0) {
            return 0;
        }
        return (int) Math.min(100, processed() * 100 / matched);
    }

    /** From its start to its end, or to {@code now} while it runs. */
    public Duration duration(Instant now) {
        Instant end = endedAt == null ? now : endedAt;
        return startedAt == null || end.isBefore(startedAt) ? Duration.ZERO : Duration.between(startedAt, end);
    }

    /** Jobs gone through per second of wall time. */
    public double jobsPerSecond(Instant now) {
        long millis = duration(now).toMillis();
        return millis <= 0 ? 0 : processed() * 1000.0 / millis;
    }
}
