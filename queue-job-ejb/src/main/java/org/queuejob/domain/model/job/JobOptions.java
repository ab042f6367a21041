package org.queuejob.domain.model.job;

import java.time.Instant;
import java.util.Objects;

/**
 * The per-job options of the original's {@code with_delay()}: priority (smaller first), eta (not before), max
 * retries (0 = infinite), description, channel and identity key (nullable).
 */
public record JobOptions(
        int priority, Instant eta, int maxRetries, String description, String channel, String identityKey) {

    /** The {@code varchar(1000)} of {@code queue_job.description}. */
    public static final int MAX_DESCRIPTION = 1000;

    /** The {@code varchar(255)} of {@code queue_job.identity_key}. */
    public static final int MAX_IDENTITY_KEY = 255;

    /**
     * Too long for their columns: refused here, at the call, with a sentence, rather than by the database when the
     * caller's transaction commits (new jobs are written then).
     */
    public JobOptions {
        Objects.requireNonNull(description, "A job description is required.");
        Objects.requireNonNull(channel, "A job channel is required.");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("Max. retries cannot be negative: " + maxRetries);
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("A job description cannot be blank.");
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("A job description is at most " + MAX_DESCRIPTION
                    + " characters long; this one has " + description.length() + ".");
        }
        if (!StoredText.isStorable(description)) {
            throw new IllegalArgumentException(StoredText.refusal("A job description", description));
        }
        if (!StoredText.isStorable(identityKey)) {
            throw new IllegalArgumentException(StoredText.refusal("An identity key", identityKey));
        }
        if (identityKey != null && identityKey.length() > MAX_IDENTITY_KEY) {
            throw new IllegalArgumentException("An identity key is at most " + MAX_IDENTITY_KEY
                    + " characters long; this one has " + identityKey.length() + ".");
        }
        JobEta.requireValid(eta);
        channel = ChannelName.normalize(channel);
    }
}
