package org.queuejob.domain.model.autovacuum;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.queuejob.domain.model.job.JobState;

/** The finished jobs of one state and one channel that ended before {@code deadline}: one range of the index. */
public record HistorySegment(JobState state, String channel, Instant deadline) {

    /** The order a run walks its segments in; a checkpoint's segment is found again by it. */
    static final Comparator<HistorySegment> ORDER =
            Comparator.comparing(HistorySegment::state).thenComparing(HistorySegment::channel);

    public HistorySegment {
        Objects.requireNonNull(state, "A state is required.");
        Objects.requireNonNull(channel, "A channel is required.");
        Objects.requireNonNull(deadline, "A deadline is required.");
        if (!state.isFinal()) {
            throw new IllegalArgumentException("Only done and cancelled jobs are ever deleted, not " + state);
        }
    }

    int compareTo(HistoryPosition position) {
        int byState = state.compareTo(position.state());
        return byState != 0 ? byState : channel.compareTo(position.channel());
    }
}
