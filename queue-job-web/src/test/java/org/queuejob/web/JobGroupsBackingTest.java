package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.domain.model.job.JobGroup;
import org.queuejob.domain.model.job.JobGrouping;
import org.queuejob.domain.model.job.JobState;

class JobGroupsBackingTest {

    /** The filters each grouping query was asked with. */
    private final List<JobFilter> asked = new ArrayList<>();

    private final JobsBacking list = new JobsBacking() {
        @Override
        void showFirstPage() {
            // No component tree in a unit test.
        }
    };

    private final JobGroupsBacking groups = new JobGroupsBacking();

    JobGroupsBackingTest() {
        JobQueryService queries = new JobQueryService() {
            @Override
            public List<JobGroup> groups(JobFilter filter, JobGrouping grouping) {
                asked.add(filter);
                return List.of(new JobGroup("root.mail", asked.size(), null));
            }
        };
        list.jobQueries = queries;
        groups.jobQueries = queries;
        groups.list = list;
    }

    @Test
    void ungrouped_readsNoGroups() {
        assertThat(groups.getGroups()).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void theGroups_areReadOncePerRendering_andAgainAfterAFilterChangeARefreshOrAnotherGrouping() {
        groups.setGroupBy(JobGrouping.CHANNEL);
        groups.getGroups();
        groups.getGroups();
        assertThat(asked).as("one query, however often the page asks").hasSize(1);

        list.setChannel("root.mail");
        list.filterChanged();
        groups.getGroups();
        assertThat(asked).hasSize(2);
        assertThat(asked.get(1).channel()).as("the filters as changed").isEqualTo("root.mail");

        groups.refresh();
        groups.getGroups();
        assertThat(asked).hasSize(3);

        groups.setGroupBy(JobGrouping.STATE);
        groups.getGroups();
        assertThat(asked).hasSize(4);
    }

    @Test
    void aSerialisedView_readsItsGroupsAgain() throws Exception {
        groups.setGroupBy(JobGrouping.CHANNEL);
        groups.getGroups();

        // The container's references (proxies) serialise; this test's fakes do not, and are given back as it would.
        JobQueryService queries = groups.jobQueries;
        groups.jobQueries = null;
        groups.list = null;
        JobGroupsBacking restored = JobsBackingTest.roundTrip(groups);
        restored.jobQueries = queries;
        restored.list = list;
        restored.getGroups();

        assertThat(restored.getGroupBy()).isEqualTo(JobGrouping.CHANNEL);
        assertThat(asked).hasSize(2);
    }

    @Test
    void aGroupClicked_narrowsTheFiltersToIt_andUngroups() {
        groups.setGroupBy(JobGrouping.CHANNEL);
        groups.getGroups();

        groups.openGroup("root.mail");

        assertThat(list.filter().channel()).isEqualTo("root.mail");
        assertThat(groups.getGroupBy()).isNull();
        assertThat(groups.getGroups()).isEmpty();
    }

    @Test
    void theNoneGroupClicked_narrowsToJobsWithoutAValue() {
        list.setText("Timeout");
        groups.setGroupBy(JobGrouping.EXCEPTION);

        groups.openGroup("");

        assertThat(list.filter().text()).isNull();
    }

    @Test
    void aStateGroupClicked_showsThatStateOnly_aValueThatIsNoStateChangesNothing() {
        groups.setGroupBy(JobGrouping.STATE);

        groups.openGroup("not-a-state");
        assertThat(list.filter().states()).hasSize(JobsBacking.DEFAULT_STATES.size());
        assertThat(groups.getGroupBy()).isEqualTo(JobGrouping.STATE);

        groups.openGroup("failed");
        assertThat(list.filter().states()).containsExactly(JobState.FAILED);
        assertThat(groups.getGroupBy()).isNull();
    }

    @Test
    void aStatesGroup_isLabelledAsTheState_aGroupWithoutValueAsNone() {
        groups.setGroupBy(JobGrouping.STATE);

        assertThat(groups.groupLabel(new JobGroup("failed", 3, null))).isEqualTo(JobState.FAILED.label());
        assertThat(groups.groupLabel(new JobGroup(null, 3, null))).isEqualTo("(none)");
    }
}
