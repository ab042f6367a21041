package org.queuejob.api;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A job failed for good (an exception other than {@link RetryableJobException}, or its last retry), and the failure
 * committed: it waits for a person (requeue, set done, cancel). Fired after the commit on the server that ran it, only
 * when some bean observes it.
 *
 * @param uuid the job
 * @param jobFunction its job function
 * @param channel its channel
 * @param attempt which try failed, 1 for the first
 * @param exceptionName the exception's class name
 * @param message the exception's message (may be null)
 * @param failedAt when the failure was recorded
 */
public record JobFailed(
        UUID uuid,
        String jobFunction,
        String channel,
        int attempt,
        String exceptionName,
        String message,
        Instant failedAt) {

    public JobFailed {
        Objects.requireNonNull(uuid, "A job uuid is required.");
    }
}
