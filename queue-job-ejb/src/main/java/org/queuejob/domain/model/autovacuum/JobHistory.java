package org.queuejob.domain.model.autovacuum;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.queuejob.domain.model.job.JobState;

/** The finished jobs, as the autovacuum reads and deletes them; joins the caller's transaction. */
public interface JobHistory {

    /** The channels that have jobs in {@code state}, without reading those jobs. */
    List<String> channelsWith(JobState state);

    /**
     * The next {@code limit} jobs of the segment after {@code after} (from the segment's start when null), newest
     * first: those whose done (or cancelled) date is before the segment's deadline.
     */
    List<HistoryCandidate> candidates(HistorySegment segment, HistoryPosition after, int limit);

    /**
     * Deletes the jobs {@code ids} that belong to no graph and are still done or cancelled before their channel's
     * deadline, checked on the rows as they are deleted. Returns how many went.
     *
     * @param deadlines per channel; a job of a channel missing here is kept
     */
    int deleteAlone(Collection<Long> ids, Map<String, Instant> deadlines);

    /**
     * Deletes the graphs {@code graphs} whose every job is done or cancelled before its own channel's deadline, with
     * their dependency rows; any other graph keeps all its jobs. Returns how many jobs went.
     *
     * @param deadlines per channel; a graph with a job of a channel missing here is kept
     */
    int deleteWholeGraphs(Collection<UUID> graphs, Map<String, Instant> deadlines);
}
