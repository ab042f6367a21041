package org.queuejob.api;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Thrown by job code to have the job tried again later rather than failed: the job's work is rolled back and it
 * goes back to pending with an eta. After {@code maxRetries} tries it fails with "Max. retries (N) reached: ...".
 *
 * <p>An application exception for EJBs: thrown by a session bean (the job's own, or one the job calls), it reaches
 * the queue as itself, not wrapped in an {@code EJBException}, and marks the transaction for rollback, as the job's
 * work is rolled back.
 */
@ApplicationException(inherited = true, rollback = true)
public class RetryableJobException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * The longest delay taken: the next try must fall before the year 10000, the latest eta a job can have. A longer
     * one cannot be meant, and would fail the record of the retry.
     */
    private static final Duration MAX_DELAY = ChronoUnit.MILLENNIA.getDuration().multipliedBy(10);

    private final Duration delay;
    private final boolean ignoreRetry;

    /** Retry after the job function's retry pattern (or the default delay). */
    public RetryableJobException(String message) {
        this(message, null, false);
    }

    /**
     * Retry after {@code delay}, which wins over the retry pattern. A delay that puts the next try past the year 9999
     * fails the job instead, saying so.
     *
     * @throws IllegalArgumentException when the delay is negative or longer than 10,000 years
     */
    public RetryableJobException(String message, Duration delay) {
        this(message, delay, false);
    }

    /**
     * @param ignoreRetry when true this try does not count towards {@code maxRetries} (for "not yet" conditions
     *     such as a lock held elsewhere).
     */
    public RetryableJobException(String message, Duration delay, boolean ignoreRetry) {
        super(message);
        if (delay != null && delay.isNegative()) {
            throw new IllegalArgumentException("A retry delay cannot be negative: " + delay);
        }
        if (delay != null && delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException(
                    "A retry delay cannot be longer than 10,000 years (a job's next try must "
                            + "fall before the year 10000): " + delay);
        }
        this.delay = delay;
        this.ignoreRetry = ignoreRetry;
    }

    public Optional<Duration> delay() {
        return Optional.ofNullable(delay);
    }

    public boolean ignoreRetry() {
        return ignoreRetry;
    }
}
