package org.queuejob.domain.model.recurring;

import java.util.Objects;
import java.util.UUID;
import org.queuejob.domain.model.job.JobState;

/**
 * A recurring job's last job (its last tick's, or its last "run now"'s) and that job's state, as read in the
 * transaction that claims the next tick.
 */
public record LastJob(UUID uuid, JobState state) {

    public LastJob {
        Objects.requireNonNull(uuid, "The job is required.");
        Objects.requireNonNull(state, "The state is required.");
    }

    /**
     * Whether the job has ended: done, cancelled or failed. A failed job counts as ended although a person may requeue
     * it: it waits for that person, and counted as going on it would hold the schedule back until someone came. A job
     * waiting for its dependencies, pending (retries included), enqueued or started has not ended.
     */
    public boolean ended() {
        return switch (state) {
            case DONE, CANCELLED, FAILED -> true;
            case WAIT_DEPENDENCIES, PENDING, ENQUEUED, STARTED -> false;
        };
    }
}
