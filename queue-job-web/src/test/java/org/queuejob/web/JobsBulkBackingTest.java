package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.queuejob.application.BulkAction;
import org.queuejob.domain.model.job.JobState;

class JobsBulkBackingTest {

    private final JobsBulkBacking bulk = new JobsBulkBacking();

    JobsBulkBackingTest() {
        bulk.list = new JobsBacking();
        bulk.selection = new JobSelectionBacking();
    }

    @Test
    void aSelectionTheActionAppliesToWhole_isCountedAsSelected() {
        select(JobState.PENDING, JobState.FAILED);

        bulk.prepareBulk(BulkAction.CANCEL, false);

        assertThat(bulk.getBulkQuestion()).isEqualTo("Cancel: 2 jobs selected.");
        assertThat(bulk.getBulkLeftOut()).isNull();
    }

    @Test
    void selectedJobsTheActionDoesNotApplyTo_areCountedByState() {
        select(JobState.PENDING, JobState.DONE, JobState.CANCELLED, JobState.DONE);

        bulk.prepareBulk(BulkAction.CANCEL, false);

        assertThat(bulk.getBulkQuestion()).isEqualTo("Cancel: 1 of 4 jobs selected.");
        assertThat(bulk.getBulkLeftOut())
                .isEqualTo("Left as they are, in states this action does not apply to: 2 done, 1 cancelled.");
    }

    @Test
    void aSelectionTheActionDoesNotApplyToAtAll_saysSo() {
        select(JobState.DONE);

        bulk.prepareBulk(BulkAction.CANCEL, false);

        assertThat(bulk.getBulkQuestion()).isEqualTo("Cancel: 0 of 1 job selected.");
        assertThat(bulk.getBulkLeftOut())
                .isEqualTo("Left as they are, in states this action does not apply to: 1 done.");
    }

    private void select(JobState... states) {
        bulk.selection.setSelectedJobs(
                Arrays.stream(states).map(JobsBulkBackingTest::row).toList());
    }

    private static JobRow row(JobState state) {
        return JobRowFixtures.row("A job", state);
    }
}
