package org.queuejob.domain.model.job;

import java.time.Instant;
import java.util.Objects;

/**
 * The per-job options of the original's {@code with_delay()}: priority (smaller first), eta (not before), max
 * retries (0 = infinite), description, channel and identity key (nullable).
 */
public record JobOptions(
        int priority, Instant eta, int maxRetries, String description, String channel, String identityKey) {

    public JobOptions {
        Objects.requireNonNull(description, "A job description is required.");
        Objects.requireNonNull(channel, "A job channel is required.");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("Max. retries cannot be negative: " + maxRetries);
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("A job description cannot be blank.");
        }
        channel = ChannelName.normalize(channel);
    }
}
