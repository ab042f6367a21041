package org.queuejob.api;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A job ran and its "done" committed. Fired on the server that ran it, after the commit, only when some bean observes
 * it (synchronously, on the worker thread before it takes its next job, or with {@code @ObservesAsync}).
 *
 * @param uuid the job
 * @param jobFunction its job function, {@code fully.qualified.Bean.method}
 * @param channel its channel
 * @param attempt which try this was, 1 for the first
 * @param startedAt when this try started
 * @param endedAt when it ended
 */
public record JobDone(UUID uuid, String jobFunction, String channel, int attempt, Instant startedAt, Instant endedAt) {

    public JobDone {
        Objects.requireNonNull(uuid, "A job uuid is required.");
    }
}
