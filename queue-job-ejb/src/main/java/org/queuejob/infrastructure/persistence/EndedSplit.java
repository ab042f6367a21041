package org.queuejob.infrastructure.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.domain.model.job.JobSort;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;

/**
 * The job list in creation order over states both ended (done, cancelled) and not, read as two ordered index ranges
 * and merged here. Each group has a partial index in creation order ({@code queue_job_active_created},
 * {@code queue_job_ended_created}): a filter within one group walks its index and stops after a page, while one
 * spanning both matches neither index's condition, and PostgreSQL read and sorted every matching row of the history
 * first (3.5 s for the done jobs of 10 million, 5 s for every state). A full index in creation order would cost every
 * job an entry at each of its three row versions; the ended jobs' index costs one, at the done mark.
 *
 * <p>An offset page deeper than the first reads only each part's places (creation instant and id) up to the page's
 * end, merges those, and then reads the page's jobs by id: the 400th page of 25 would otherwise build 10,000 jobs
 * of each part, arguments and all, for 25 of them, on each of the Jobs screen's refreshes.
 */
final class EndedSplit {

    /** Beyond this many rows, a page is read as one query: merging would hold twice as many jobs in memory. */
    static final int MERGED_UP_TO = 20_000;

    private static final Set<JobState> ENDED = EnumSet.of(JobState.DONE, JobState.CANCELLED);

    private EndedSplit() {}

    /** The filter as its not-ended and ended parts, when the list is in creation order and spans both. */
    static Optional<List<JobFilter>> of(JobFilter filter, JobSort sort) {
        if (sort != JobSort.DATE_CREATED) {
            return Optional.empty();
        }
        Set<JobState> states =
                filter.states().isEmpty() ? EnumSet.allOf(JobState.class) : EnumSet.copyOf(filter.states());
        Set<JobState> ended = EnumSet.copyOf(states);
        ended.retainAll(ENDED);
        Set<JobState> notEnded = EnumSet.copyOf(states);
        notEnded.removeAll(ENDED);
        if (ended.isEmpty() || notEnded.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(List.of(filter.withStates(notEnded), filter.withStates(ended)));
    }

    /**
     * Rows {@code skip} to {@code skip + limit} of the list over {@code parts} (from {@link #of}), each part read by
     * {@code read} in creation order with at least that many rows.
     */
    static List<QueueJob> read(
            List<JobFilter> parts, Function<JobFilter, List<QueueJob>> read, boolean ascending, int skip, int limit) {
        return merge(read.apply(parts.get(0)), read.apply(parts.get(1)), creationOrder(ascending), skip, limit);
    }

    /** A job's place in the list: what the list is ordered by. */
    record Place(Instant created, long id) {}

    /**
     * The ids of rows {@code skip} to {@code skip + limit} of the list over {@code parts}, in the list's order, each
     * part's places read by {@code read} in creation order with at least that many rows.
     */
    static List<Long> pageIds(
            List<JobFilter> parts, Function<JobFilter, List<Place>> read, boolean ascending, int skip, int limit) {
        return merge(
                        read.apply(parts.get(0)),
                        read.apply(parts.get(1)),
                        creationOrder(Place::created, Place::id, ascending),
                        skip,
                        limit)
                .stream()
                .map(Place::id)
                .toList();
    }

    /** The list's order: creation, then id (the same as the query's ORDER BY). */
    private static Comparator<QueueJob> creationOrder(boolean ascending) {
        return creationOrder(QueueJob::dateCreated, QueueJob::id, ascending);
    }

    private static <T> Comparator<T> creationOrder(
            Function<T, Instant> created, Function<T, Long> id, boolean ascending) {
        Comparator<T> order = Comparator.comparing(created).thenComparing(id);
        return ascending ? order : order.reversed();
    }

    /** Rows {@code skip} to {@code skip + limit} of two lists each sorted by {@code order}, as one sorted list. */
    static <T> List<T> merge(List<T> a, List<T> b, Comparator<? super T> order, int skip, int limit) {
        List<T> merged = new ArrayList<>(Math.min(limit, a.size() + b.size()));
        int i = 0;
        int j = 0;
        for (int row = 0; row < skip + limit && (i < a.size() || j < b.size()); row++) {
            T next =
                    j >= b.size() || (i < a.size() && order.compare(a.get(i), b.get(j)) <= 0) ? a.get(i++) : b.get(j++);
            if (row >= skip) {
                merged.add(next);
            }
        }
        return merged;
    }
}
