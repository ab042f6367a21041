package org.queuejob.domain.model.autovacuum;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One autovacuum run as recorded: who started it (a user, or {@link #SCHEDULE}), on which server, the instant its
 * deadlines count back from, its outcome and what it did. A stopped or failed run resumed from its checkpoint keeps
 * its record; {@code executionId} is then the batch execution that resumed it.
 *
 * @param reason one line, for a failed or stopped run; null otherwise
 * @param finishedAt null while running
 * @param workingMillis time spent in chunks, pauses excluded
 * @param executionId the Jakarta Batch execution on {@code server}; null until the batch runtime has accepted it
 */
public record AutovacuumRun(
        long id,
        Instant startedAt,
        String startedBy,
        String server,
        Instant asOf,
        RunOutcome outcome,
        String reason,
        Instant finishedAt,
        long rowsDeleted,
        int chunks,
        long workingMillis,
        AutovacuumPace pace,
        Long executionId) {

    /** Who starts the runs of the daily schedule. */
    public static final String SCHEDULE = "schedule";

    public AutovacuumRun {
        Objects.requireNonNull(startedAt, "A start instant is required.");
        Objects.requireNonNull(startedBy, "Who started the run is required.");
        Objects.requireNonNull(server, "A server is required.");
        Objects.requireNonNull(asOf, "The instant the deadlines count back from is required.");
        Objects.requireNonNull(outcome, "An outcome is required.");
        Objects.requireNonNull(pace, "A pace is required.");
    }

    /** From start to finish (or to {@code now} while running). */
    public Duration duration(Instant now) {
        Instant end = finishedAt == null ? now : finishedAt;
        return end.isBefore(startedAt) ? Duration.ZERO : Duration.between(startedAt, end);
    }

    /** Jobs deleted per second of wall time, pauses included: what the run cost the database. */
    public double rowsPerSecond(Instant now) {
        long millis = duration(now).toMillis();
        return millis == 0 ? 0 : rowsDeleted * 1000.0 / millis;
    }

    /** Jobs deleted per second of work, pauses excluded: the run's speed at full duty. */
    public double rowsPerWorkingSecond() {
        return workingMillis == 0 ? 0 : rowsDeleted * 1000.0 / workingMillis;
    }
}
