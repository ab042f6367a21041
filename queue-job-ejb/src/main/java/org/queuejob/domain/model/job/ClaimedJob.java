package org.queuejob.domain.model.job;

import java.util.Objects;

/** A job this server claimed (enqueued for it), with what its worker needs to run it without reading it again. */
public record ClaimedJob(long id, String channel, String jobFunction, String arguments, boolean inGraph) {

    public ClaimedJob {
        Objects.requireNonNull(channel, "A channel is required.");
        Objects.requireNonNull(jobFunction, "A job function is required.");
        Objects.requireNonNull(arguments, "Job arguments are required.");
    }
}
