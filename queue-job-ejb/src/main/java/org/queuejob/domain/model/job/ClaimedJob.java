package org.queuejob.domain.model.job;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A job this server claimed (enqueued for it), with what its worker needs to run it without reading it again;
 * {@code readyAt} is when it could first start (its creation, or its eta if later), for the start latency metric;
 * {@code version} is the job's row version when it was handed to this server, which names that hand-over when this
 * server tells the leader the job ended (a job run again later is handed over again, with another version);
 * {@code takenBackUnstarted}: the job was taken back from a server that died before its run there was marked started,
 * so it may have taken that server down, and this run is marked started as it begins ({@link RunCutShort}).
 */
public record ClaimedJob(
        long id,
        UUID uuid,
        String channel,
        String jobFunction,
        String arguments,
        boolean inGraph,
        int triesBefore,
        String userName,
        String context,
        Instant readyAt,
        long version,
        boolean takenBackUnstarted) {

    public ClaimedJob {
        Objects.requireNonNull(channel, "A channel is required.");
        Objects.requireNonNull(jobFunction, "A job function is required.");
        Objects.requireNonNull(arguments, "Job arguments are required.");
    }
}
