package org.queuejob.api;

import java.time.Duration;
import java.util.Optional;

/**
 * Thrown by job code to have the job tried again later rather than failed: the job's work is rolled back and it
 * goes back to pending with an eta. After {@code maxRetries} tries it fails with "Max. retries (N) reached: ...".
 */
public class RetryableJobException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration delay;
    private final boolean ignoreRetry;

    /** Retry after the job function's retry pattern (or the default delay). */
    public RetryableJobException(String message) {
        this(message, null, false);
    }

    /** Retry after {@code delay}, which wins over the retry pattern. */
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
