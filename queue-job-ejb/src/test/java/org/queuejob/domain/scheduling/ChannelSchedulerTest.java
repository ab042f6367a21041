package org.queuejob.domain.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.queuejob.domain.scheduling.Jobs.T0;
import static org.queuejob.domain.scheduling.Jobs.at;
import static org.queuejob.domain.scheduling.Jobs.etaJob;
import static org.queuejob.domain.scheduling.Jobs.ids;
import static org.queuejob.domain.scheduling.Jobs.job;
import static org.queuejob.domain.scheduling.Jobs.scheduler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Capacity, ordering, eta and channel resolution. */
class ChannelSchedulerTest {

    @Test
    void originalDoctestScenarioWithTwoChannelsUnderRoot() {
        ChannelScheduler cs = scheduler("root:4,A:4,B:1");
        Backlog backlog = new Backlog(cs);
        for (long a = 1; a <= 6; a++) {
            backlog.add(job(10 + a, "A", 10)); // A1..A6 = 11..16
        }
        backlog.add(job(21, "B", 5), job(22, "B", 5)); // B1, B2

        // one job of B (capacity 1) and three of A fill root's capacity of 4
        assertThat(backlog.round(at(100))).containsExactly(21L, 11L, 12L, 13L);
        cs.jobFinished(12);
        // B2 has a higher priority, but B is full
        assertThat(backlog.round(at(100))).containsExactly(14L);
        cs.jobFinished(21);
        assertThat(backlog.round(at(100))).containsExactly(22L);
        cs.jobFinished(11);
        backlog.add(job(16, "A", 5)); // A6 gets a higher priority
        assertThat(backlog.round(at(100))).containsExactly(16L);
    }

    @Test
    void rootCapacityLimitsHowManyJobsStart() {
        ChannelScheduler cs = scheduler("root:2");
        assertThat(ids(cs.select(T0, List.of(job(1, "root"), job(2, "root"), job(3, "root")))))
                .containsExactly(1L, 2L);
    }

    @Test
    void subChannelJobsShareParentCapacity() {
        ChannelScheduler cs = scheduler("root:3,A:3");
        cs.select(T0, List.of(job(1, "A"), job(2, "A")));
        assertThat(cs.freeSlots("root", T0)).isEqualTo(1);
        assertThat(ids(cs.select(T0, List.of(job(3, "root"), job(4, "root"))))).containsExactly(3L);
    }

    @Test
    void subChannelCapacityLimitsOnlyItsOwnSubtree() {
        ChannelScheduler cs = scheduler("root:10,A:1,B:2");
        List<CandidateJob> started =
                cs.select(T0, List.of(job(1, "A"), job(2, "A"), job(3, "B"), job(4, "B"), job(5, "B"), job(6, "root")));
        assertThat(ids(started)).containsExactly(1L, 3L, 4L, 6L);
    }

    @Test
    void parentWithLessCapacityThanChildrenLimitsThemAll() {
        ChannelScheduler cs = scheduler("root:10, P:2, P.a:4, P.b:4");
        List<CandidateJob> started =
                cs.select(T0, List.of(job(1, "P.a"), job(2, "P.a"), job(3, "P.b"), job(4, "P.b"), job(5, "root")));
        assertThat(ids(started)).containsExactly(1L, 2L, 5L);
    }

    @Test
    void runningJobsOfSubChannelsKeepTheParentsOwnJobsWaiting() {
        ChannelScheduler cs = scheduler("root:2,A:2");
        cs.select(T0, List.of(job(1, "A"), job(2, "A")));
        assertThat(cs.select(T0, List.of(job(3, "root")))).isEmpty();
        cs.jobFinished(1);
        assertThat(ids(cs.select(T0, List.of(job(3, "root"))))).containsExactly(3L);
    }

    @Test
    void finishedJobFreesItsSlotOnEveryAncestor() {
        ChannelScheduler cs = scheduler("root:1, a:1, a.b:1");
        cs.select(T0, List.of(job(1, "a.b")));
        assertThat(cs.demand(T0)).isEmpty();
        cs.jobFinished(1);
        assertThat(cs.demand(T0)).extracting(Demand::channel).containsExactly("root", "root.a", "root.a.b");
    }

    @Test
    void unlimitedSubChannelIsBoundOnlyByItsAncestors() {
        ChannelScheduler cs = scheduler("root:3, free:0");
        assertThat(cs.select(T0, List.of(job(1, "free"), job(2, "free"), job(3, "free"), job(4, "free"))))
                .hasSize(3);
    }

    @Test
    void selectCountsWhatItReturnsAsRunningSoASecondCallDoesNotOverCommit() {
        ChannelScheduler cs = scheduler("root:2");
        List<CandidateJob> offered = List.of(job(1, "root"), job(2, "root"), job(3, "root"));
        assertThat(cs.select(T0, offered)).hasSize(2);
        assertThat(cs.select(T0, offered)).isEmpty();
        assertThat(cs.isRunning(1)).isTrue();
        assertThat(cs.isRunning(3)).isFalse();
    }

    @Test
    void runningAndRepeatedCandidatesAreIgnored() {
        ChannelScheduler cs = scheduler("root:5");
        cs.jobStarted(1, "root");
        assertThat(ids(cs.select(T0, List.of(job(1, "root"), job(2, "root"), job(2, "root")))))
                .containsExactly(2L);
        assertThat(cs.snapshot().get(0).running()).isEqualTo(2);
    }

    @Test
    void jobsStartInPriorityThenDateThenIdOrderAcrossParentAndChildren() {
        ChannelScheduler cs = scheduler("root:5, A:5, A.x:5, B:5");
        List<CandidateJob> offered = List.of(
                job(9, "root", 10, at(5)),
                job(8, "A", 10, at(3)),
                job(7, "A.x", 10, at(3)), // same date as 8: id decides
                job(6, "B", 20, at(0)), // oldest, but lowest priority
                job(5, "B", 1, at(9)), // newest, highest priority
                job(4, "root", 10, at(4)));
        assertThat(ids(cs.select(T0, offered))).containsExactly(5L, 7L, 8L, 4L, 9L);
    }

    @Test
    void orderOfTheOfferedCandidatesDoesNotMatter() {
        List<CandidateJob> offered = new ArrayList<>();
        for (long id = 1; id <= 30; id++) {
            offered.add(job(id, id % 2 == 0 ? "A" : "B", (int) (id % 3), at(id % 5)));
        }
        List<Long> expected = ids(scheduler("root:7,A:4").select(T0, offered));
        Collections.shuffle(offered, new Random(42));
        assertThat(ids(scheduler("root:7,A:4").select(T0, offered)))
                .isEqualTo(expected)
                .hasSize(7);
    }

    @Test
    void candidatesGroupedByChannelAreSelectedTogether() {
        ChannelScheduler cs = scheduler("root:2,A:2,B:2");
        List<CandidateJob> started = cs.select(
                T0, Map.of("root.A", List.of(job(2, "A", 5)), "root.B", List.of(job(1, "B", 9), job(3, "B", 1))));
        assertThat(ids(started)).containsExactly(3L, 2L);
    }

    @Test
    void jobWithFutureEtaIsNotStartedEarly() {
        ChannelScheduler cs = scheduler("root:4");
        CandidateJob later = etaJob(1, "root", at(60));
        assertThat(cs.select(at(59), List.of(later))).isEmpty();
        assertThat(ids(cs.select(at(60), List.of(later)))).containsExactly(1L);
    }

    @Test
    void dueEtaJobCompetesByPriorityNotByEta() {
        ChannelScheduler cs = scheduler("root:1");
        CandidateJob dueEta = new CandidateJob(1, "root", 10, T0, at(1));
        CandidateJob urgent = job(2, "root", 5, at(50));
        assertThat(ids(cs.select(at(100), List.of(dueEta, urgent)))).containsExactly(2L);
    }

    @Test
    void jobsOfAnUnknownChannelShareTheNearestConfiguredAncestorsCapacity() {
        ChannelScheduler cs = scheduler("root:10, root.sub:2");
        List<CandidateJob> started =
                cs.select(T0, List.of(job(1, "root.sub.not.configured"), job(2, "root.sub.other"), job(3, "root.sub")));
        assertThat(ids(started)).containsExactly(1L, 2L);
        assertThat(cs.snapshot()).extracting(ChannelStatus::name).containsExactly("root", "root.sub");
        assertThat(cs.freeSlots("root.sub.not.configured", T0)).isZero();
    }

    @Test
    void aJobChannelNothingDeclaresIsToldOncePerName_withTheAncestorItsJobsRunUnder() {
        List<UndeclaredChannel> told = new ArrayList<>();
        ChannelScheduler cs =
                new ChannelScheduler(ChannelTree.of(ChannelConfig.parse("root:10, root.mail:2, a.b:1")), told::add);

        cs.select(T0, List.of(job(1, "root.mial"), job(2, "root.mail.eu"), job(3, "root.mial"), job(4, "root.mail")));
        cs.select(T0, List.of(job(5, "root.mial"), job(6, "root.mail.eu")));
        cs.jobFailed(1, "root.mial");
        cs.jobFinished(2);

        assertThat(told)
                .containsExactly(
                        new UndeclaredChannel("root.mial", "root"), new UndeclaredChannel("root.mail.eu", "root.mail"));
        cs.select(T0, List.of(job(7, "a"), job(8, "mail"), job(9, "root"), job(10, "root.a.b")));
        assertThat(told)
                .as("root.mail, and root.a which root.a.b implies, are declared")
                .hasSize(2);
    }

    @Test
    void unknownTopLevelChannelCountsAgainstRoot() {
        ChannelScheduler cs = scheduler("root:1, A:5");
        assertThat(ids(cs.select(T0, List.of(job(1, "foo"), job(2, "A"))))).containsExactly(1L);
    }

    @Test
    void demandIsTheSmallestFreeCapacityOnThePathToRoot() {
        ChannelScheduler cs = scheduler("root:5, A:3, A.x:10, B:0");
        cs.select(T0, List.of(job(1, "B"), job(2, "A.x")));
        assertThat(cs.demand(T0))
                .containsExactly(
                        new Demand("root", 3, false),
                        new Demand("root.A", 2, false),
                        new Demand("root.A.x", 2, false),
                        new Demand("root.B", 3, false));
        assertThat(cs.freeSlots("root.A.x.y", T0)).isEqualTo(2);
    }

    @Test
    void disabledDispatchStartsNothing() {
        ChannelScheduler cs = scheduler("root:0, A:4");
        assertThat(cs.demand(T0)).isEmpty();
        assertThat(cs.select(T0, List.of(job(1, "A")))).isEmpty();
    }

    @Test
    void argumentsAreChecked() {
        ChannelScheduler cs = scheduler("root:1");
        assertThatThrownBy(() -> cs.select(null, List.of())).hasMessage("now is required");
        assertThatThrownBy(() -> new CandidateJob(1, null, 1, T0, null)).hasMessage("job channel is required");
        assertThatThrownBy(() -> new CandidateJob(1, "a", 1, null, null)).hasMessage("job creation date is required");
        assertThatThrownBy(() -> new Demand("root", 0, false)).hasMessage("a demand limit is at least 1");
        assertThatThrownBy(() -> new ChannelScheduler((ChannelTree) null)).hasMessage("channel tree is required");
    }
}
