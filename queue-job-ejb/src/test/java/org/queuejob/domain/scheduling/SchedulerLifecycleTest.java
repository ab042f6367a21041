package org.queuejob.domain.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuejob.domain.scheduling.Jobs.T0;
import static org.queuejob.domain.scheduling.Jobs.at;
import static org.queuejob.domain.scheduling.Jobs.ids;
import static org.queuejob.domain.scheduling.Jobs.job;
import static org.queuejob.domain.scheduling.Jobs.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pause, live reconfiguration, restarts, wake-ups and the snapshot. */
class SchedulerLifecycleTest {

    private static List<ChannelSpec> specs(ChannelScheduler cs, String channel, boolean paused) {
        return cs.tree().specs().stream()
                .map(s -> s.fullName().equals(channel) ? s.withPaused(paused) : s)
                .toList();
    }

    private static Map<String, ChannelStatus> status(ChannelScheduler cs) {
        return cs.snapshot().stream().collect(Collectors.toMap(ChannelStatus::name, s -> s));
    }

    @Test
    void pausedChannelStartsNothingButKeepsItsRunningJobs() {
        ChannelScheduler cs = scheduler("root:4, A:4");
        cs.select(T0, List.of(job(1, "A")));
        cs.reconfigure(specs(cs, "root.A", true));
        assertThat(cs.select(T0, List.of(job(2, "A")))).isEmpty();
        assertThat(cs.isRunning(1)).isTrue();
        assertThat(status(cs).get("root.A").running()).isEqualTo(1);
        assertThat(status(cs).get("root").running()).isEqualTo(1); // still occupies root's capacity
    }

    @Test
    void pausingAChannelPausesItsSubChannelsOnly() {
        ChannelScheduler cs = scheduler("root:10, A:4, A.x:4, B:4");
        cs.reconfigure(specs(cs, "root.A", true));
        List<CandidateJob> started =
                cs.select(T0, List.of(job(1, "A"), job(2, "A.x"), job(3, "A.x.unknown"), job(4, "B"), job(5, "root")));
        assertThat(ids(started)).containsExactly(4L, 5L);
        assertThat(cs.demand(T0)).extracting(Demand::channel).containsExactly("root", "root.B");
        assertThat(status(cs).get("root.A.x").pausedByParent()).isTrue();
    }

    @Test
    void resumingAChannelLetsItsJobsStartAgain() {
        ChannelScheduler cs = scheduler("root:10, A:4");
        cs.reconfigure(specs(cs, "root.A", true));
        assertThat(cs.select(T0, List.of(job(1, "A")))).isEmpty();
        cs.reconfigure(specs(cs, "root.A", false));
        assertThat(ids(cs.select(T0, List.of(job(1, "A"))))).containsExactly(1L);
    }

    @Test
    void loweringCapacityBelowTheRunningCountStartsNothingUntilBelow() {
        ChannelScheduler cs = scheduler("root:10, A:4");
        cs.select(T0, List.of(job(1, "A"), job(2, "A"), job(3, "A"), job(4, "A")));
        cs.reconfigure(ChannelConfig.parse("root:10, A:2"));
        assertThat(status(cs).get("root.A").running()).isEqualTo(4);
        cs.jobFinished(1);
        cs.jobFinished(2);
        assertThat(cs.select(T0, List.of(job(5, "A")))).isEmpty(); // 2 running, capacity 2
        cs.jobFinished(3);
        assertThat(ids(cs.select(T0, List.of(job(5, "A"), job(6, "A"))))).containsExactly(5L);
    }

    @Test
    void raisingCapacityLetsMoreJobsStartAtOnce() {
        ChannelScheduler cs = scheduler("root:1");
        cs.select(T0, List.of(job(1, "root")));
        cs.reconfigure(ChannelConfig.parse("root:3"));
        assertThat(ids(cs.select(T0, List.of(job(2, "root"), job(3, "root"), job(4, "root")))))
                .containsExactly(2L, 3L);
    }

    @Test
    void runningJobsOfARemovedChannelCountAgainstItsAncestor() {
        ChannelScheduler cs = scheduler("root:10, A:5, A.x:2");
        cs.select(T0, List.of(job(1, "A.x"), job(2, "A.x")));
        cs.reconfigure(ChannelConfig.parse("root:10, A:2"));
        assertThat(status(cs).get("root.A").running()).isEqualTo(2);
        assertThat(cs.select(T0, List.of(job(3, "A.x")))).isEmpty();
        cs.jobFinished(1);
        assertThat(status(cs).get("root.A").running()).isEqualTo(1);
    }

    @Test
    void runningJobsMoveToANewlyConfiguredSubChannel() {
        ChannelScheduler cs = scheduler("root:10, A:5");
        cs.select(T0, List.of(job(1, "A.x")));
        cs.reconfigure(ChannelConfig.parse("root:10, A:5, A.x:1"));
        assertThat(status(cs).get("root.A.x").running()).isEqualTo(1);
        assertThat(cs.select(T0, List.of(job(2, "A.x")))).isEmpty();
    }

    @Test
    void reconfiguredThrottleAppliesFromTheLastStart() {
        ChannelScheduler cs = scheduler("root:10, A:10:throttle=60");
        cs.select(at(0), List.of(job(1, "A")));
        assertThat(cs.freeSlots("A", at(10))).isZero();
        cs.reconfigure(ChannelConfig.parse("root:10, A:10:throttle=5"));
        assertThat(cs.freeSlots("A", at(4))).isZero();
        assertThat(cs.freeSlots("A", at(5))).isEqualTo(1);
    }

    @Test
    void failureBlockSurvivesReconfiguration() {
        ChannelScheduler cs = scheduler("root:4, S:1:sequential");
        cs.jobFailed(1, "S");
        cs.reconfigure(ChannelConfig.parse("root:8, S:1:sequential, other:2"));
        assertThat(cs.select(T0, List.of(job(2, "S")))).isEmpty();
        assertThat(status(cs).get("root.S").failed()).isEqualTo(1);
    }

    @Test
    void clearRunningForgetsEveryRunningJob() {
        ChannelScheduler cs = scheduler("root:2, A:2");
        cs.select(T0, List.of(job(1, "A"), job(2, "root")));
        cs.clearRunning();
        assertThat(cs.snapshot()).allSatisfy(s -> assertThat(s.running()).isZero());
        assertThat(cs.isRunning(1)).isFalse();
    }

    @Test
    void restoredRunningJobsOccupyCapacityEvenBeyondIt() {
        ChannelScheduler cs = scheduler("root:2, A:1");
        cs.restoreRunning(Map.of(1L, "A", 2L, "A", 3L, "root.A.unknown"));
        assertThat(status(cs).get("root.A").running()).isEqualTo(3);
        assertThat(cs.select(T0, List.of(job(4, "root")))).isEmpty();
        cs.jobFinished(1);
        cs.jobFinished(2);
        assertThat(ids(cs.select(T0, List.of(job(4, "root"))))).containsExactly(4L);
    }

    @Test
    void jobStartedIsIdempotentAndUnknownFinishesAreIgnored() {
        ChannelScheduler cs = scheduler("root:3");
        cs.jobStarted(1, "root");
        cs.jobStarted(1, "root");
        cs.jobFinished(99);
        cs.failedJobResolved(99);
        assertThat(cs.snapshot().get(0).running()).isEqualTo(1);
    }

    @Test
    void nextWakeUpIsTheEarliestFutureEtaOfAChannelWithRoom() {
        ChannelScheduler cs = scheduler("root:4, A:1, B:1");
        Map<String, Instant> etas = Map.of("A", at(50), "root.B.unknown", at(30), "root", at(40));
        assertThat(cs.nextWakeUp(at(10), etas)).contains(at(30));
        cs.jobStarted(1, "B");
        assertThat(cs.nextWakeUp(at(10), etas)).contains(at(40));
    }

    @Test
    void etasOfChannelsResolvingToTheSameChannelCombineToTheEarliest() {
        ChannelScheduler cs = scheduler("root:4, B:1");
        Map<String, Instant> etas = new LinkedHashMap<>();
        etas.put("B.x", at(20));
        etas.put("B.y", at(30));
        assertThat(cs.nextWakeUp(at(10), etas)).contains(at(20));
    }

    @Test
    void pastEtasNeedNoWakeUp() {
        ChannelScheduler cs = scheduler("root:4");
        assertThat(cs.nextWakeUp(at(10), Map.of("root", at(10)))).isEmpty();
        assertThat(cs.nextWakeUp(at(10), Map.of())).isEmpty();
    }

    @Test
    void noWakeUpForFullPausedOrFailureBlockedChannels() {
        ChannelScheduler cs = scheduler("root:4, full:1, held:1, seq:1:sequential");
        cs.jobStarted(1, "full");
        cs.jobFailed(2, "seq");
        cs.reconfigure(specs(cs, "root.held", true));
        Map<String, Instant> etas = Map.of("full", at(20), "held", at(20), "seq", at(20), "held.sub", at(25));
        assertThat(cs.nextWakeUp(at(10), etas)).isEmpty();
        cs.jobStarted(3, "root");
        cs.jobStarted(4, "root");
        cs.jobStarted(5, "root");
        assertThat(cs.nextWakeUp(at(10), Map.of("root", at(20)))).isEmpty(); // root itself is full
    }

    @Test
    void throttledChannelWakesUpAtTheEndOfItsPauseWhateverItsSubChannelsWait() {
        ChannelScheduler cs = scheduler("root:4, P:4:throttle=10, P.c:4");
        cs.select(at(0), List.of(job(1, "P.c")));
        assertThat(cs.nextWakeUp(at(1), Map.of("P.c", at(3)))).contains(at(10));
        assertThat(cs.nextWakeUp(at(10), Map.of("P.c", at(30)))).contains(at(30));
    }

    @Test
    void snapshotReportsEveryChannel() {
        ChannelScheduler cs = scheduler("root:4, sub:4, sub.free:0, seq:1:sequential, slow:2:throttle=3");
        cs.select(at(0), List.of(job(1, "sub"), job(2, "sub.free"), job(3, "slow")));
        cs.jobFailed(4, "seq");
        cs.reconfigure(specs(cs, "root.sub", true));
        Map<String, ChannelStatus> s = status(cs);
        assertThat(s.get("root").toString()).isEqualTo("root(C:4,R:3)");
        assertThat(s.get("root.sub").toString()).isEqualTo("root.sub(C:4,R:2,paused)");
        assertThat(s.get("root.sub.free").toString()).isEqualTo("root.sub.free(C:∞,R:1,paused by parent)");
        assertThat(s.get("root.seq").toString()).isEqualTo("root.seq(C:1,R:0,sequential,F:1)");
        assertThat(s.get("root.slow").toString()).isEqualTo("root.slow(C:2,R:1,throttle:3s)");
        assertThat(s.get("root.slow").throttledUntil()).isEqualTo(at(3));
        assertThat(cs.snapshot())
                .extracting(ChannelStatus::name)
                .containsExactly("root", "root.seq", "root.slow", "root.sub", "root.sub.free");
    }

    @Test
    void snapshotIsConsistentWhenTakenFromAnotherThread() throws Exception {
        ChannelScheduler cs = scheduler("root:3, A:2, B:2");
        AtomicBoolean done = new AtomicBoolean();
        CompletableFuture<List<String>> reader = CompletableFuture.supplyAsync(() -> {
            List<String> violations = new ArrayList<>();
            while (!done.get()) {
                Map<String, ChannelStatus> s = status(cs);
                int root = s.get("root").running();
                int children = s.get("root.A").running() + s.get("root.B").running();
                if (root > 3 || s.get("root.A").running() > 2 || root != children) {
                    violations.add(s.values().toString());
                }
            }
            return violations;
        });
        Map<Long, Boolean> live = new HashMap<>();
        for (long id = 1; id <= 5_000; id++) {
            for (CandidateJob started : cs.select(T0, List.of(job(id, id % 2 == 0 ? "A" : "B")))) {
                live.put(started.id(), true);
            }
            if (live.size() == 3) {
                live.keySet().forEach(cs::jobFinished);
                live.clear();
            }
        }
        done.set(true);
        assertThat(reader.get()).isEmpty();
    }
}
