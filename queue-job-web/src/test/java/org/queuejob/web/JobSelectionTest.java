package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.job.JobState;

class JobSelectionTest {

    private final JobSelection selection = new JobSelection();
    private final JobRow first = row("First");
    private final JobRow second = row("Second");
    private final JobRow third = row("Third");

    @Test
    void aTickSentWithASelectionThatHasIt_isNotStale() {
        selection.replaceWith(List.of(first, second));

        assertThat(selection.tick(second)).isFalse();
        assertThat(selection.rows()).containsExactly(first, second);
    }

    @Test
    void aTickSentWithASelectionThatLacksIt_isKept_andSaysTheTableWasStale() {
        selection.replaceWith(List.of(first));

        assertThat(selection.tick(second)).isTrue();
        assertThat(selection.rows()).containsExactly(first, second);
    }

    @Test
    void anUntickSentWithASelectionThatStillHasIt_isApplied_andSaysTheTableWasStale() {
        selection.replaceWith(List.of(first, second));

        assertThat(selection.untick(first)).isTrue();
        assertThat(selection.rows()).containsExactly(second);
        assertThat(selection.untick(first)).isFalse();
    }

    @Test
    void aJobSentTwice_orAsAnotherViewOfItself_isOneRow() {
        JobRow secondLater = JobRowFixtures.sameJob(second, JobState.ENQUEUED);

        selection.replaceWith(List.of(first, second, second, secondLater));

        assertThat(selection.size()).isEqualTo(2);
        assertThat(selection.tick(secondLater)).isFalse();
    }

    @Test
    void theHeaderBox_ticksAndUnticksThePageOnly() {
        selection.replaceWith(List.of(third));

        assertThat(selection.tickPage(List.of(first, second))).isTrue();
        assertThat(selection.rows()).containsExactly(third, first, second);
        assertThat(selection.tickPage(List.of(first, second))).isFalse();

        assertThat(selection.untickPage(List.of(first, second))).isTrue();
        assertThat(selection.rows()).containsExactly(third);
        assertThat(selection.untickPage(List.of(first, second))).isFalse();
    }

    @Test
    void rows_isACopy() {
        selection.replaceWith(List.of(first));
        List<JobRow> rows = selection.rows();

        selection.clear();

        assertThat(rows).containsExactly(first);
        assertThat(selection.rows()).isEmpty();
    }

    private static JobRow row(String description) {
        return JobRowFixtures.row(description, JobState.PENDING);
    }
}
