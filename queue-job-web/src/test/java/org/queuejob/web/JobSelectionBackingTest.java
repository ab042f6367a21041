package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobSelectionBackingTest {

    @Test
    void aSerialisedView_keepsTheRowsTicked() throws Exception {
        JobSelectionBacking backing = new JobSelectionBacking();
        JobRow ticked = JobRow.of(JobsBackingTest.job("Send the invoice"));
        backing.setSelectedJobs(List.of(ticked));

        JobSelectionBacking restored = JobsBackingTest.roundTrip(backing);

        assertThat(restored.getSelectedJobs()).containsExactly(ticked);
    }

    @Test
    void clearingTheSelection_leavesNoRowTicked() {
        JobSelectionBacking backing = new JobSelectionBacking();
        backing.setSelectedJobs(List.of(JobRow.of(JobsBackingTest.job("Send the invoice"))));

        backing.clearSelection();

        assertThat(backing.selected()).isEmpty();
    }
}
