package org.queuejob.domain.model.autovacuum;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Until when a finished job of each channel is kept: {@code asOf} minus the channel's removal interval. A channel
 * without a record takes its nearest configured ancestor's interval ({@code root.mail.eu} that of {@code
 * root.mail}), and root without a record the default of 30 days; the original instead never deleted the jobs of a
 * channel without a record (Q13).
 */
public final class RemovalDeadlines {

    /** The original's {@code _removal_interval}. */
    public static final int DEFAULT_DAYS = 30;

    private static final String ROOT = "root";

    private final Map<String, Integer> intervalDays;
    private final Instant asOf;

    /**
     * @param intervalDays removal interval per configured channel (complete name → days)
     * @param asOf the instant the run counts back from
     */
    public RemovalDeadlines(Map<String, Integer> intervalDays, Instant asOf) {
        this.intervalDays = new HashMap<>(Objects.requireNonNull(intervalDays, "Removal intervals are required."));
        this.asOf = Objects.requireNonNull(asOf, "The instant of the run is required.");
    }

    public Instant asOf() {
        return asOf;
    }

    /** The interval that applies to {@code channel}: its own, else its nearest configured ancestor's. */
    public int intervalDays(String channel) {
        for (String name = channel; name != null; name = parentOf(name)) {
            Integer days = intervalDays.get(name);
            if (days != null) {
                return days;
            }
        }
        return intervalDays.getOrDefault(ROOT, DEFAULT_DAYS);
    }

    /** Done and cancelled jobs of {@code channel} that ended before this instant are deleted. */
    public Instant deadline(String channel) {
        return asOf.minus(Duration.ofDays(intervalDays(channel)));
    }

    private static String parentOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(0, dot);
    }
}
