package org.queuejob.domain.model.autovacuum;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.queuejob.domain.model.channel.RemovalIntervals;

/**
 * Until when a finished job of each channel is kept: {@code asOf} minus the channel's removal interval, which a
 * channel without a record takes from its nearest configured ancestor ({@link RemovalIntervals}); the original
 * instead never deleted the jobs of a channel without a record (Q13).
 */
public final class RemovalDeadlines {

    private final RemovalIntervals intervals;
    private final Instant asOf;

    /**
     * @param intervals the removal intervals of the channels with a record
     * @param asOf the instant the run counts back from
     */
    public RemovalDeadlines(RemovalIntervals intervals, Instant asOf) {
        this.intervals = Objects.requireNonNull(intervals, "Removal intervals are required.");
        this.asOf = Objects.requireNonNull(asOf, "The instant of the run is required.");
    }

    public Instant asOf() {
        return asOf;
    }

    /** The interval that applies to {@code channel}: its own, else its nearest configured ancestor's. */
    public int intervalDays(String channel) {
        return intervals.forChannel(channel).days();
    }

    /** Done and cancelled jobs of {@code channel} that ended before this instant are deleted. */
    public Instant deadline(String channel) {
        return asOf.minus(Duration.ofDays(intervalDays(channel)));
    }
}
