package org.queuejob.domain.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuejob.domain.scheduling.Jobs.T0;
import static org.queuejob.domain.scheduling.Jobs.at;
import static org.queuejob.domain.scheduling.Jobs.etaJob;
import static org.queuejob.domain.scheduling.Jobs.ids;
import static org.queuejob.domain.scheduling.Jobs.job;
import static org.queuejob.domain.scheduling.Jobs.scheduler;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sequential channels (one at a time, strict order, blocked by a failure) and throttled channels. */
class SequentialAndThrottleTest {

    @Test
    void originalDoctestScenarioForASequentialChannel() {
        ChannelScheduler cs = scheduler("root:4,S:1:sequential");
        Backlog backlog = new Backlog(cs).add(job(1, "S"), job(2, "S"), job(3, "S"));

        assertThat(backlog.round(at(100))).containsExactly(1L);
        cs.jobFailed(1, "S");
        assertThat(backlog.round(at(101))).isEmpty();
        backlog.add(etaJob(2, "S", at(105)));
        assertThat(backlog.round(at(102))).isEmpty();
        assertThat(backlog.wakeUp(at(102))).isEmpty(); // blocked by the failure: no timed wake-up

        cs.failedJobResolved(1); // requeued
        backlog.add(job(1, "S"));
        assertThat(backlog.wakeUp(at(102))).contains(at(105));
        assertThat(backlog.round(at(102))).containsExactly(1L);
        assertThat(backlog.round(at(103))).isEmpty();
        cs.jobFinished(1);

        // S2 sorts before S3 and is due at 105: a sequential channel waits for it
        assertThat(backlog.round(at(103))).isEmpty();
        assertThat(backlog.round(at(105))).containsExactly(2L);
        cs.jobFinished(2);
        assertThat(backlog.round(at(105))).containsExactly(3L);
        cs.jobFinished(3);
        assertThat(backlog.round(at(105))).isEmpty();
    }

    @Test
    void sequentialChannelRunsOneJobAtATime() {
        ChannelScheduler cs = scheduler("root:4,S:1:sequential");
        assertThat(ids(cs.select(T0, List.of(job(1, "S"), job(2, "S"))))).containsExactly(1L);
        assertThat(cs.select(T0, List.of(job(2, "S")))).isEmpty();
    }

    @Test
    void failedJobBlocksSequentialChannelUntilResolved() {
        ChannelScheduler cs = scheduler("root:4,S:1:sequential");
        cs.select(T0, List.of(job(1, "S")));
        cs.jobFailed(1, "S");
        assertThat(cs.select(T0, List.of(job(2, "S")))).isEmpty();
        assertThat(cs.demand(T0)).extracting(Demand::channel).containsExactly("root");
        cs.failedJobResolved(1);
        assertThat(ids(cs.select(T0, List.of(job(2, "S"))))).containsExactly(2L);
    }

    @Test
    void failedJobDoesNotBlockANonSequentialChannel() {
        ChannelScheduler cs = scheduler("root:4,A:1");
        cs.select(T0, List.of(job(1, "A")));
        cs.jobFailed(1, "A");
        assertThat(ids(cs.select(T0, List.of(job(2, "A"))))).containsExactly(2L);
    }

    @Test
    void failedSequentialChannelAlsoHoldsBackItsSubChannels() {
        ChannelScheduler cs = scheduler("root:4, S:1:sequential, S.child:1, S2:1:sequential");
        cs.jobFailed(1, "S");
        assertThat(ids(cs.select(T0, List.of(job(2, "S.child"), job(3, "S.unknown"), job(4, "S2")))))
                .containsExactly(4L);
    }

    @Test
    void failedJobOfAnUnknownSubChannelBlocksTheSequentialChannelItResolvesTo() {
        ChannelScheduler cs = scheduler("root:4, S:1:sequential");
        cs.jobFailed(1, "S.unknown");
        assertThat(cs.select(T0, List.of(job(2, "S")))).isEmpty();
    }

    @Test
    void startingAFailedJobAgainClearsItsFailure() {
        ChannelScheduler cs = scheduler("root:4,S:1:sequential");
        cs.jobFailed(1, "S");
        cs.jobStarted(1, "S");
        cs.jobFinished(1);
        assertThat(ids(cs.select(T0, List.of(job(2, "S"))))).containsExactly(2L);
    }

    @Test
    void failuresOfNonSequentialChannelsAreNotTracked() {
        ChannelScheduler cs = scheduler("root:4,A:2");
        cs.jobFailed(1, "A");
        assertThat(cs.snapshot()).allSatisfy(c -> assertThat(c.failed()).isZero());
        assertThat(ids(cs.select(T0, List.of(job(1, "A"))))).containsExactly(1L);
    }

    @Test
    void sequentialChannelDoesNotOvertakeAJobWhoseEtaIsNotYetDue() {
        ChannelScheduler cs = scheduler("root:4,S:1:sequential");
        List<CandidateJob> offered = List.of(etaJob(1, "S", at(30)), job(2, "S"));
        assertThat(cs.select(at(10), offered)).isEmpty();
        assertThat(ids(cs.select(at(30), offered))).containsExactly(1L);
    }

    @Test
    void sequentialChannelStartsAReadyJobThatSortsBeforeAWaitingEtaJob() {
        ChannelScheduler cs = scheduler("root:4,S:1:sequential");
        CandidateJob notDue = new CandidateJob(1, "S", 10, at(5), at(30));
        CandidateJob urgent = job(2, "S", 1, at(9));
        assertThat(ids(cs.select(at(10), List.of(notDue, urgent)))).containsExactly(2L);
    }

    @Test
    void waitingEtaJobOfSequentialChannelAlsoHoldsBackLaterJobsOfItsSubChannels() {
        ChannelScheduler cs = scheduler("root:4, S:1:sequential, S.c:1");
        CandidateJob notDue = new CandidateJob(1, "S", 10, at(5), at(30));
        assertThat(cs.select(at(10), List.of(notDue, job(2, "S.c", 10, at(6))))).isEmpty();
        assertThat(ids(cs.select(at(10), List.of(notDue, job(3, "S.c", 10, at(4))))))
                .containsExactly(3L);
    }

    @Test
    void notDueJobOfANonSequentialChannelDoesNotHoldOthersBack() {
        ChannelScheduler cs = scheduler("root:4,A:1");
        assertThat(ids(cs.select(at(10), List.of(etaJob(1, "A", at(30)), job(2, "A")))))
                .containsExactly(2L);
    }

    @Test
    void demandAsksSequentialChannelsForTheirHeadWhateverItsEta() {
        ChannelScheduler cs = scheduler("root:4,S:1:sequential");
        assertThat(cs.demand(T0)).containsExactly(new Demand("root", 4, false), new Demand("root.S", 1, true));
    }

    @Test
    void originalDoctestThrottleStartsOneJobThenPauses() {
        ChannelScheduler cs = scheduler("root:4,A:4:throttle=2");
        Backlog backlog = new Backlog(cs).add(job(1, "A"), job(2, "A"));
        assertThat(backlog.round(at(100))).containsExactly(1L);
        assertThat(backlog.wakeUp(at(100))).contains(at(102));
        assertThat(backlog.round(at(101))).isEmpty();
        assertThat(backlog.wakeUp(at(101))).contains(at(102));
        assertThat(backlog.round(at(102))).containsExactly(2L); // the first one still runs: capacity allows
        assertThat(backlog.wakeUp(at(102))).contains(at(104));
    }

    @Test
    void originalDoctestThrottleCombinedWithFullCapacity() {
        ChannelScheduler cs = scheduler("root:4,T:2:throttle=2");
        Backlog backlog = new Backlog(cs).add(job(1, "T"), job(2, "T"), job(3, "T"));
        assertThat(backlog.round(at(100))).containsExactly(1L);
        assertThat(backlog.round(at(102))).containsExactly(2L);
        assertThat(backlog.round(at(103))).isEmpty(); // full, although the pause is over
        assertThat(backlog.wakeUp(at(103))).isEmpty(); // a finishing job is an event
        assertThat(backlog.round(at(104))).isEmpty();
        cs.jobFinished(1);
        assertThat(backlog.round(at(105))).containsExactly(3L);
        assertThat(backlog.wakeUp(at(105))).isEmpty();
        cs.jobFinished(2);
        assertThat(backlog.wakeUp(at(105))).contains(at(107));
    }

    @Test
    void throttledParentSpacesTheStartsOfAllItsSubChannels() {
        ChannelScheduler cs = scheduler("root:10, P:10:throttle=5, P.a:5, P.b:5");
        List<CandidateJob> offered = List.of(job(1, "P.a"), job(2, "P.b"), job(3, "root"));
        assertThat(ids(cs.select(at(0), offered))).containsExactly(1L, 3L);
        assertThat(cs.select(at(4), offered)).isEmpty();
        assertThat(ids(cs.select(at(5), offered))).containsExactly(2L);
    }

    @Test
    void throttleLimitsDemandToOneAndToNoneDuringThePause() {
        ChannelScheduler cs = scheduler("root:4,A:4:throttle=2");
        assertThat(cs.freeSlots("A", at(0))).isEqualTo(1);
        cs.select(at(0), List.of(job(1, "A")));
        assertThat(cs.freeSlots("A", at(1))).isZero();
        assertThat(cs.freeSlots("A", at(2))).isEqualTo(1);
    }

    @Test
    void throttleIsNotStartedByAJobThatDidNotStart() {
        ChannelScheduler cs = scheduler("root:1, A:4:throttle=60");
        cs.jobStarted(1, "root");
        assertThat(cs.select(at(0), List.of(job(2, "A")))).isEmpty(); // root is full
        cs.jobFinished(1);
        assertThat(ids(cs.select(at(1), List.of(job(2, "A"))))).containsExactly(2L);
    }
}
