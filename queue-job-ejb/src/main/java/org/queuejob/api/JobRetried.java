package org.queuejob.api;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A try of a job ended with a retry ({@link RetryableJobException}, or a transient database failure) and the job went
 * back to pending; the postponement committed. Fired after the commit on the server that ran it, only when some bean
 * observes it.
 *
 * @param uuid the job
 * @param jobFunction its job function
 * @param channel its channel
 * @param attempt which try this was, 1 for the first
 * @param exceptionName the exception's class name
 * @param message why (the exception's message, may be null)
 * @param at when the retry was recorded
 */
public record JobRetried(
        UUID uuid, String jobFunction, String channel, int attempt, String exceptionName, String message, Instant at) {

    public JobRetried {
        Objects.requireNonNull(uuid, "A job uuid is required.");
    }
}
