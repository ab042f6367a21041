package org.queuejob.domain.model.job;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The job list as the back office and the bulk actions read it: filtered, sorted, grouped and paged jobs, the ids a
 * bulk action walks through, and graphs. Implementations join the caller's transaction if there is one and need
 * none: a read runs without one.
 */
public interface JobQueries {

    /** The jobs matching {@code filter} from {@code first} on, at most {@code limit}, by {@code sort} then id. */
    List<QueueJob> page(JobFilter filter, int first, int limit, JobSort sort, boolean ascending);

    /**
     * Up to {@code limit} jobs matching {@code filter} after {@code after} (null: from the start), by {@code sort}
     * then id, nulls where PostgreSQL puts them (last going up, first going down).
     */
    List<QueueJob> pageAfter(JobFilter filter, JobSort sort, boolean ascending, Position after, int limit);

    long count(JobFilter filter);

    /**
     * How many jobs match {@code filter}, counted no further than {@code limit} + 1: a result above {@code limit}
     * means "more than {@code limit}". Costs at most {@code limit} + 1 index entries however many jobs match, where an
     * exact count of the done jobs of a busy channel reads every one of them.
     */
    long countAtMost(JobFilter filter, long limit);

    /** How many jobs match {@code filter} among those with an id up to {@code maxId}. */
    long countUpTo(JobFilter filter, long maxId);

    /** Counts of the jobs matching {@code filter} per value of {@code grouping}, largest first, at most {@code limit}. */
    List<JobGroup> groups(JobFilter filter, JobGrouping grouping, int limit);

    Optional<QueueJob> find(UUID uuid);

    /** The largest job id now; 0 when there is no job. */
    long maxId();

    /**
     * Up to {@code limit} ids of the jobs matching {@code filter} with an id above {@code afterId} and up to {@code
     * maxId}, ascending.
     */
    List<Long> idsAfter(JobFilter filter, long afterId, long maxId, int limit);

    /** The ids of the jobs with these uuids, by uuid: a uuid of no job is absent. */
    Map<UUID, Long> ids(Collection<UUID> uuids);

    /** Every job of a graph, oldest first. */
    List<QueueJob> graphJobs(UUID graphUuid);

    /** The dependencies among a graph's jobs. */
    List<JobDependency> graphDependencies(UUID graphUuid);

    /** The runs of job {@code id} that go on after it was taken from them by hand, oldest first; nearly always none. */
    List<RunTakenAway> runsTakenAway(long id);

    /** Where a keyset page starts: after the job {@code id} whose sort value is {@code value} (may be null). */
    record Position(Object value, long id) {}
}
