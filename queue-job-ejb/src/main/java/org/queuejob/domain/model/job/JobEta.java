package org.queuejob.domain.model.job;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * The etas a job may have, wherever one is set (a call's options, the API, the job page): a moment in the years 1 to
 * 9999, UTC. Java's {@link Instant} reaches a billion years either way and PostgreSQL's {@code timestamptz} 294,276;
 * beyond the four-digit years the screens and ISO 8601 dates stop reading right, and beyond PostgreSQL's the
 * caller's transaction failed when it committed, with SQL's words. A past eta is no error: the job runs now.
 */
public final class JobEta {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public static final String RULE = "An eta is a moment from the year 1 to the year 9999 (UTC)";

    private JobEta() {}

    /** {@code eta} (null: none), or an {@link IllegalArgumentException} with the rule and the value given. */
    public static Instant requireValid(Instant eta) {
        if (eta != null && (eta.isBefore(EARLIEST) || eta.isAfter(LATEST))) {
            throw new IllegalArgumentException(String.format("%s, not %s.", RULE, eta));
        }
        return eta;
    }

    /** {@code delay} after {@code now}, within the rule. */
    public static Instant after(Instant now, Duration delay) {
        try {
            Instant eta = now.plus(delay);
            if (!eta.isAfter(LATEST)) {
                return eta;
            }
        } catch (DateTimeException | ArithmeticException e) {
            // past Instant's own range: the same answer as past the rule's
        }
        throw new IllegalArgumentException(
                String.format("%s: a delay of %s from now is past the year 9999.", RULE, delay));
    }
}
