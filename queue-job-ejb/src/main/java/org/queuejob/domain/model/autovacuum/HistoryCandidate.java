package org.queuejob.domain.model.autovacuum;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.queuejob.domain.model.job.JobState;

/**
 * A finished job old enough to be deleted, as the walk found it. Whether it really goes is decided when its chunk is
 * written: a job alone if it is still finished and old enough, a job of a graph only with its whole graph.
 */
public record HistoryCandidate(long id, UUID graphUuid, JobState state, String channel, Instant dateCreated)
        implements Serializable {

    public Optional<UUID> graph() {
        return Optional.ofNullable(graphUuid);
    }

    public HistoryPosition position() {
        return new HistoryPosition(state, channel, dateCreated, id);
    }
}
