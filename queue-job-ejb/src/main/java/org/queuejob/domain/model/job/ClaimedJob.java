package org.queuejob.domain.model.job;

import java.util.Objects;
import java.util.UUID;

/** A job this server claimed (enqueued for it), with what its worker needs to run it without reading it again. */
public record ClaimedJob(
        long id,
        UUID uuid,
        String channel,
        String jobFunction,
        String arguments,
        boolean inGraph,
        int triesBefore,
        String userName,
        String context) {

    public ClaimedJob {
        Objects.requireNonNull(channel, "A channel is required.");
        Objects.requireNonNull(jobFunction, "A job function is required.");
        Objects.requireNonNull(arguments, "Job arguments are required.");
    }
}
