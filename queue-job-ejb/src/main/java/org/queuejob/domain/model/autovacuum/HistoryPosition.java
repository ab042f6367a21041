package org.queuejob.domain.model.autovacuum;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.queuejob.domain.model.job.JobState;

/**
 * A place in the walk over finished jobs: segment (state, channel), then creation date and id, newest first, the
 * order of the job table's {@code (state, channel, date_created DESC, id DESC)} index. It is the run's checkpoint,
 * so a restarted run continues right after the last job of the last committed chunk.
 */
public record HistoryPosition(JobState state, String channel, Instant dateCreated, long id) implements Serializable {

    public HistoryPosition {
        Objects.requireNonNull(state, "A state is required.");
        Objects.requireNonNull(channel, "A channel is required.");
        Objects.requireNonNull(dateCreated, "A creation date is required.");
    }

    boolean isIn(HistorySegment segment) {
        return state == segment.state() && channel.equals(segment.channel());
    }
}
