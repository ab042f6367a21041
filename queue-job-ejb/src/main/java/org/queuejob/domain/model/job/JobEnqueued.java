package org.queuejob.domain.model.job;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A job may run now: stored, requeued or rescheduled. Fired in the transaction that made it so; the dispatcher
 * observes it to dispatch once that transaction commits rather than at its next poll, and uses the job's place in
 * dispatch order (priority, creation date) to know whether it sorts before jobs it has already handed out, and its
 * eta (null when it may run at once) to know whether the earliest eta it waits for may have changed. Applications
 * may observe it too.
 */
public record JobEnqueued(UUID uuid, String channel, int priority, Instant dateCreated, Instant eta) {

    public JobEnqueued {
        Objects.requireNonNull(uuid, "A job uuid is required.");
        Objects.requireNonNull(dateCreated, "The job's creation date is required.");
    }

    public static JobEnqueued of(QueueJob job) {
        return new JobEnqueued(job.uuid(), job.channel(), job.priority(), job.dateCreated(), job.eta());
    }
}
