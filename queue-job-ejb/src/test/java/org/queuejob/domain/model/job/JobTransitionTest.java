package org.queuejob.domain.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JobTransitionTest {

    @Test
    void sqlConditionNamesExactlyTheStatesATransitionMayChangeFrom() {
        for (JobTransition transition : JobTransition.values()) {
            Set<JobState> named = Arrays.stream(JobState.values())
                    .filter(state -> transition.sqlCondition().contains("'" + state.dbValue() + "'"))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(JobState.class)));

            assertThat(named).as(transition.name()).isEqualTo(transition.from());
        }
    }

    @Test
    void aJobHeldByAServerCanEndInEveryWayAndOnlySuchAJob() {
        Set<JobState> held = JobTransition.COMPLETE.from();

        assertThat(held).containsExactlyInAnyOrder(JobState.ENQUEUED, JobState.STARTED);
        assertThat(JobTransition.FAIL.from()).isEqualTo(held);
        assertThat(JobTransition.POSTPONE.from()).isEqualTo(held);
        assertThat(JobTransition.RELEASE.from()).isEqualTo(held);
        assertThat(JobTransition.DISPATCH.to()).isIn(held);
    }

    /** A job marked started while it runs must still end, be rescued, cancelled or set done as an enqueued one. */
    @Test
    void aStartedJobMayChangeInEveryWayAnEnqueuedJobMay_andOnlyAnEnqueuedJobIsMarkedStarted() {
        assertThat(JobTransition.START.from()).containsExactly(JobState.ENQUEUED);
        assertThat(JobTransition.START.to()).isEqualTo(JobState.STARTED);
        for (JobTransition transition : JobTransition.values()) {
            if (transition != JobTransition.START && transition.allowedFrom(JobState.ENQUEUED)) {
                assertThat(transition.allowedFrom(JobState.STARTED))
                        .as(transition.name())
                        .isTrue();
            }
        }
    }

    @Test
    void onlyEndedJobsAreVacuumedAndNoHeldOrEndedJobIsEdited() {
        assertThat(JobTransition.VACUUM.from()).allMatch(JobState::isFinal);
        assertThat(Arrays.stream(JobState.values()).filter(JobState::isFinal))
                .allMatch(JobTransition.VACUUM::allowedFrom);
        assertThat(JobTransition.EDIT.from())
                .doesNotContainAnyElementsOf(JobTransition.COMPLETE.from())
                .noneMatch(JobState::isFinal);
    }

    @Test
    void aggregateRefusesWhatTheTableRefuses() {
        QueueJob done = new QueueJob(
                "com.example.Jobs.run", "[]", new JobOptions(10, null, 5, "d", "root", null), null, Instant.EPOCH);
        done.markDone("ada", Instant.EPOCH);

        assertThat(JobTransition.CANCEL.allowedFrom(JobState.DONE)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> done.cancel("ada", Instant.EPOCH))
                .isInstanceOf(IllegalJobStateException.class)
                .hasMessageContaining("allowed from " + JobTransition.CANCEL.from());
    }

    @Test
    void uuidsAreVersion7AndOrderedByCreationTime() {
        UUID earlier = JobUuids.next(Instant.parse("2026-01-01T00:00:00Z"));
        UUID later = JobUuids.next(Instant.parse("2026-01-01T00:00:00.001Z"));

        assertThat(earlier.version()).isEqualTo(7);
        assertThat(earlier.variant()).isEqualTo(2);
        assertThat(earlier.toString()).isLessThan(later.toString());
        assertThat(JobUuids.next(Instant.EPOCH)).isNotEqualTo(JobUuids.next(Instant.EPOCH));
    }
}
