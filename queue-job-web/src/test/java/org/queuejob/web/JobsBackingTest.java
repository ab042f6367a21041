package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuejob.domain.model.job.JobState.CANCELLED;
import static org.queuejob.domain.model.job.JobState.DONE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.queuejob.application.JobSort;
import org.queuejob.domain.model.job.JobState;

class JobsBackingTest {

    @Test
    void byDefault_hidesDoneAndCancelledJobs() {
        JobsBacking backing = new JobsBacking();

        assertThat(backing.filter().states())
                .hasSize(JobState.values().length - 2)
                .doesNotContain(DONE, CANCELLED);
        assertThat(backing.filter().channel()).isNull();
        assertThat(backing.filter().text()).isNull();
    }

    @Test
    void noStateTicked_meansEveryState() {
        JobsBacking backing = new JobsBacking();
        backing.setStates(List.of());

        assertThat(backing.filter().states()).isEmpty();

        backing.setStates(null);
        assertThat(backing.filter().states()).isEmpty();
    }

    @Test
    void theActiveColumnSortBecomesAJobSort() {
        Map<String, SortMeta> sortBy = new LinkedHashMap<>();
        sortBy.put(
                "created",
                SortMeta.builder()
                        .field("DATE_CREATED")
                        .order(SortOrder.UNSORTED)
                        .build());
        sortBy.put(
                "priority",
                SortMeta.builder().field("PRIORITY").order(SortOrder.ASCENDING).build());

        SortMeta active = JobsBacking.activeSort(sortBy).orElseThrow();

        assertThat(JobsBacking.jobSort(active)).isEqualTo(JobSort.PRIORITY);
        assertThat(active.getOrder().isAscending()).isTrue();
    }

    @Test
    void unsortedOrUnknownColumns_leaveTheDefaultOrder() {
        assertThat(JobsBacking.activeSort(Map.of())).isEmpty();
        assertThat(JobsBacking.activeSort(null)).isEmpty();
        assertThat(JobsBacking.jobSort(SortMeta.builder().field("worker").build()))
                .isNull();
    }
}
