package org.queuejob.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.domain.model.job.JobSort;
import org.queuejob.domain.model.job.JobState;

class EndedSplitTest {

    @Test
    void aListInCreationOrderOverEndedAndWaitingStates_isSplitBetweenThem_keepingTheRestOfTheFilter() {
        JobFilter filter =
                new JobFilter(EnumSet.of(JobState.PENDING, JobState.FAILED, JobState.DONE), "root.mail", "timeout");

        List<JobFilter> parts = EndedSplit.of(filter, JobSort.DATE_CREATED).orElseThrow();

        assertThat(parts)
                .containsExactly(
                        new JobFilter(EnumSet.of(JobState.PENDING, JobState.FAILED), "root.mail", "timeout"),
                        new JobFilter(EnumSet.of(JobState.DONE), "root.mail", "timeout"));
    }

    @Test
    void noStateChosen_meansEveryState_andIsSplitToo() {
        List<JobFilter> parts =
                EndedSplit.of(JobFilter.all(), JobSort.DATE_CREATED).orElseThrow();

        assertThat(parts.get(0).states())
                .containsExactlyInAnyOrder(
                        JobState.WAIT_DEPENDENCIES,
                        JobState.PENDING,
                        JobState.ENQUEUED,
                        JobState.STARTED,
                        JobState.FAILED);
        assertThat(parts.get(1).states()).containsExactlyInAnyOrder(JobState.DONE, JobState.CANCELLED);
    }

    @Test
    void oneGroupOfStates_orAnotherOrder_isReadAsOneQuery() {
        assertThat(EndedSplit.of(
                        new JobFilter(Set.of(JobState.DONE, JobState.CANCELLED), null, null), JobSort.DATE_CREATED))
                .isEmpty();
        assertThat(EndedSplit.of(new JobFilter(Set.of(JobState.PENDING), null, null), JobSort.DATE_CREATED))
                .isEmpty();
        assertThat(EndedSplit.of(JobFilter.all(), JobSort.PRIORITY)).isEmpty();
    }

    @Test
    void merge_takesTheRowsOfTheRequestedWindow_fromBothSortedLists_inOrder() {
        List<Integer> a = List.of(1, 4, 5, 9);
        List<Integer> b = List.of(2, 3, 6, 7, 8);

        assertThat(EndedSplit.merge(a, b, Comparator.naturalOrder(), 0, 4)).containsExactly(1, 2, 3, 4);
        assertThat(EndedSplit.merge(a, b, Comparator.naturalOrder(), 4, 4)).containsExactly(5, 6, 7, 8);
        assertThat(EndedSplit.merge(a, b, Comparator.naturalOrder(), 8, 4)).containsExactly(9);
        assertThat(EndedSplit.merge(a, b, Comparator.naturalOrder(), 12, 4)).isEmpty();
    }

    @Test
    void merge_whenOneListIsEmpty_isTheOtherWindow() {
        assertThat(EndedSplit.merge(List.of(), List.of(3, 2, 1), Comparator.<Integer>reverseOrder(), 1, 5))
                .containsExactly(2, 1);
        assertThat(EndedSplit.merge(List.of(3, 2, 1), List.of(), Comparator.<Integer>reverseOrder(), 0, 2))
                .containsExactly(3, 2);
    }

    @Test
    void pageIds_mergeThePartsPlacesByCreationThenId_inEitherDirection() {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        // Waiting jobs 1 and 4, ended jobs 2, 3 and 5; 3 and 4 were created in the same microsecond.
        List<EndedSplit.Place> waiting = List.of(new EndedSplit.Place(t, 1), new EndedSplit.Place(t.plusMillis(2), 4));
        List<EndedSplit.Place> ended = List.of(
                new EndedSplit.Place(t.plusMillis(1), 2),
                new EndedSplit.Place(t.plusMillis(2), 3),
                new EndedSplit.Place(t.plusMillis(3), 5));
        List<JobFilter> parts =
                EndedSplit.of(JobFilter.all(), JobSort.DATE_CREATED).orElseThrow();

        assertThat(EndedSplit.pageIds(parts, part -> part == parts.get(0) ? waiting : ended, true, 1, 3))
                .containsExactly(2L, 3L, 4L);
        assertThat(EndedSplit.pageIds(
                        parts, part -> part == parts.get(0) ? backwards(waiting) : backwards(ended), false, 0, 3))
                .containsExactly(5L, 4L, 3L);
    }

    private static <T> List<T> backwards(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
