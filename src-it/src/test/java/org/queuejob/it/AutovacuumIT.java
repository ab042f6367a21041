package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.application.AutovacuumService;
import org.queuejob.application.ChannelService;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.autovacuum.AutovacuumRun;
import org.queuejob.domain.model.autovacuum.AutovacuumRunningException;
import org.queuejob.domain.model.autovacuum.RunOutcome;
import org.queuejob.it.autovacuum.FinishedJobs;
import org.queuejob.it.autovacuum.SettableClock;
import org.queuejob.it.jobs.Gate;
import org.queuejob.it.jobs.TestJobs;
import org.queuejob.it.support.TestDeployments;

/**
 * The autovacuum on Payara, with the library in the WAR's {@code WEB-INF/lib} (its batch job XML and artifacts found
 * from there): ages per channel, graphs kept whole, a stopped run resumed from its checkpoint, and one run at a time,
 * refused by the database.
 */
@ExtendWith(ArquillianExtension.class)
class AutovacuumIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Set<BatchStatus> ACTIVE =
            Set.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

    /** As fast as the machine allows: for tests of what is deleted. */
    private static final AutovacuumPace FULL = new AutovacuumPace(3, 1.0);

    /** Slow on purpose (a chunk of 2 jobs, then a pause of ~50 times its work), so a run is caught while it runs. */
    private static final AutovacuumPace SLOW = new AutovacuumPace(2, 0.02);

    /** Slow enough to be stopped after a chunk or two, fast enough to resume to the end in a few seconds. */
    private static final AutovacuumPace STOPPABLE = new AutovacuumPace(4, 0.05);

    @Deployment
    static WebArchive deployment() {
        return TestDeployments.queueJobWar("autovacuum-it")
                .addPackage(FinishedJobs.class.getPackage())
                .addAsResource(
                        new StringAsset("queue-job.channels=root:4,root.serial:1\n"
                                + "queue-job.poll-interval-ms=200\n"
                                // Runs start when the tests say so, never at 03:00 in the middle of one.
                                + "queue-job.autovacuum.enabled=false\n"),
                        "META-INF/microprofile-config.properties");
    }

    @Inject
    AutovacuumService autovacuum;

    @Inject
    ChannelService channels;

    @Inject
    FinishedJobs jobs;

    @Inject
    SettableClock clock;

    @Inject
    TestJobs testJobs;

    @Inject
    Gate gate;

    private String prefix;
    private Instant now;

    @BeforeEach
    void fixTheClock() {
        prefix = "root.av-" + UUID.randomUUID().toString().substring(0, 8);
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.fix(now);
    }

    @AfterEach
    void leaveNoRunAndNoJob() {
        autovacuum.lastRuns(10).stream()
                .filter(run -> run.outcome() == RunOutcome.RUNNING)
                .forEach(run -> {
                    if (!autovacuum.stop(run.id())) {
                        jobs.takeOver(run.id(), "Ended by the test's clean-up");
                    }
                    await().atMost(TIMEOUT).until(() -> run(run.id()).outcome() != RunOutcome.RUNNING);
                });
        clock.release();
        jobs.deleteChannels(prefix);
    }

    @Test
    void finishedJobsOlderThanTheirChannelsInterval_areDeleted_youngerOnesAndFailedOnesKept() {
        String shortLived = channel("short", 2);
        String longLived = channel("long", 10);
        String inheriting = shortLived + ".sub"; // no record: the 2 days of root.av-….short
        String unconfigured = prefix + ".plain"; // no record up to root: 30 days
        Instant twoDays = now.minus(Duration.ofDays(2));
        Instant tenDays = now.minus(Duration.ofDays(10));
        Instant thirtyDays = now.minus(Duration.ofDays(30));

        List<Long> deleted = List.of(
                jobs.aJob(shortLived).doneAt(twoDays.minusSeconds(1)).store(),
                jobs.aJob(shortLived).cancelledAt(twoDays.minusSeconds(1)).store(),
                jobs.aJob(longLived).doneAt(tenDays.minusSeconds(1)).store(),
                jobs.aJob(inheriting).doneAt(twoDays.minusSeconds(1)).store(),
                jobs.aJob(unconfigured).doneAt(thirtyDays.minusSeconds(1)).store(),
                jobs.aJob(unconfigured).cancelledAt(thirtyDays.minusSeconds(1)).store());
        List<Long> kept = List.of(
                jobs.aJob(shortLived).doneAt(twoDays.plusSeconds(1)).store(),
                jobs.aJob(shortLived).cancelledAt(twoDays.plusSeconds(1)).store(),
                jobs.aJob(shortLived)
                        .failedSince(now.minus(Duration.ofDays(400)))
                        .store(),
                jobs.aJob(shortLived).created(now.minus(Duration.ofDays(400))).store(),
                jobs.aJob(longLived).doneAt(tenDays.plusSeconds(1)).store(),
                jobs.aJob(longLived).doneAt(now.minus(Duration.ofDays(5))).store(),
                jobs.aJob(inheriting).doneAt(twoDays.plusSeconds(1)).store(),
                jobs.aJob(unconfigured).doneAt(thirtyDays.plusSeconds(1)).store());

        AutovacuumRun run = runToTheEnd(autovacuum.start("it-user", FULL));

        assertThat(jobs.remaining(deleted))
                .as("jobs past their channel's deadline")
                .isEmpty();
        assertThat(jobs.remaining(kept))
                .as("jobs not past it, failed and pending ones")
                .containsExactlyInAnyOrderElementsOf(kept);
        assertThat(run.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(run.rowsDeleted()).isEqualTo(deleted.size());
        assertThat(run.startedBy()).isEqualTo("it-user");
        assertThat(run.server()).isNotBlank();
        assertThat(run.asOf()).isEqualTo(now);
        assertThat(run.executionId()).isNotNull();
        assertThat(run.finishedAt()).isNotNull();
        assertThat(run.chunks()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void graphIsDeletedWithItsDependencyRowsOnlyWhenEveryJobOfItIsPastItsOwnChannelsDeadline() {
        String shortLived = channel("short", 2);
        String longLived = channel("long", 10);
        Instant old = now.minus(Duration.ofDays(20));

        // Kept: one job still pending.
        UUID pendingGraph = UUID.randomUUID();
        long p1 = jobs.aJob(shortLived).doneAt(old).inGraph(pendingGraph).store();
        long p2 = jobs.aJob(shortLived).doneAt(old).inGraph(pendingGraph).store();
        long p3 = jobs.aJob(shortLived).created(old).inGraph(pendingGraph).store();
        jobs.dependency(p1, p3);
        jobs.dependency(p2, p3);
        // Kept: one job done too recently.
        UUID youngGraph = UUID.randomUUID();
        long y1 = jobs.aJob(shortLived).doneAt(old).inGraph(youngGraph).store();
        long y2 = jobs.aJob(shortLived)
                .doneAt(now.minus(Duration.ofDays(1)))
                .inGraph(youngGraph)
                .store();
        jobs.dependency(y1, y2);
        // Kept: old enough for the short channel, not for the long channel its second job is in.
        UUID mixedGraph = UUID.randomUUID();
        long m1 = jobs.aJob(shortLived)
                .doneAt(now.minus(Duration.ofDays(5)))
                .inGraph(mixedGraph)
                .store();
        long m2 = jobs.aJob(longLived)
                .doneAt(now.minus(Duration.ofDays(5)))
                .inGraph(mixedGraph)
                .store();
        jobs.dependency(m1, m2);
        // Deleted: every job past its own channel's deadline, done or cancelled.
        UUID oldGraph = UUID.randomUUID();
        long o1 = jobs.aJob(shortLived).doneAt(old).inGraph(oldGraph).store();
        long o2 = jobs.aJob(longLived).cancelledAt(old).inGraph(oldGraph).store();
        long o3 = jobs.aJob(longLived)
                .doneAt(now.minus(Duration.ofDays(12)))
                .inGraph(oldGraph)
                .store();
        jobs.dependency(o1, o2);
        jobs.dependency(o1, o3);

        AutovacuumRun run = runToTheEnd(autovacuum.start("it-user", FULL));

        List<Long> keptJobs = List.of(p1, p2, p3, y1, y2, m1, m2);
        assertThat(jobs.remaining(keptJobs)).containsExactlyInAnyOrderElementsOf(keptJobs);
        assertThat(jobs.edges(keptJobs))
                .as("dependency rows of the kept graphs")
                .isEqualTo(4);
        assertThat(jobs.remaining(List.of(o1, o2, o3))).isEmpty();
        assertThat(jobs.edges(List.of(o1, o2, o3)))
                .as("dependency rows of the deleted graph")
                .isZero();
        assertThat(run.rowsDeleted()).isEqualTo(3);
    }

    @Test
    void whileEveryWorkerIsBusy_aRunPausesAboutFortyNineTimesEachChunk_thoughItsPaceSaysFullDuty()
            throws InterruptedException {
        String shortLived = channel("short", 2);
        jobs.manyDone(shortLived, 300, now.minus(Duration.ofDays(5)));
        // root:4 gives this deployment 4 workers: 4 jobs held at the gate keep all of them busy.
        gate.reset();
        for (int i = 0; i < 4; i++) {
            testJobs.createCustomerAtTheGate("busy-" + prefix + "-" + i);
        }
        try {
            await().atMost(TIMEOUT).until(gate::isReached);
            // At full duty a run never pauses; busy, it works at most busy-duty (0.02) of the time.
            AutovacuumRun started = autovacuum.start("it-user", new AutovacuumPace(100, 1.0));
            await().atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> run(started.id()).chunks() >= 1);
            long firstSeen = System.nanoTime();
            long firstWork = run(started.id()).workingMillis();
            await().atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> run(started.id()).chunks() >= 2);
            long gapMillis = Duration.ofNanos(System.nanoTime() - firstSeen).toMillis();

            assertThat(firstWork).as("the first chunk's work, ms").isPositive();
            assertThat(gapMillis)
                    .as("from the first chunk to the second, ms (the first took %d ms)", firstWork)
                    .isGreaterThanOrEqualTo(20 * firstWork);
        } finally {
            gate.open();
        }
    }

    @Test
    void stoppedRunResumesFromItsCheckpoint_deletingEveryEligibleJobExactlyOnce() {
        String shortLived = channel("short", 2);
        Instant old = now.minus(Duration.ofDays(5));
        List<Long> eligible = jobs.manyDone(shortLived, 40, old);
        // The newest candidates of the channel, so read by the first chunk: kept (their graph has a pending job),
        // and never read again by a run that resumes after them.
        UUID keptGraph = UUID.randomUUID();
        long k1 = jobs.aJob(shortLived)
                .doneAt(old.plusSeconds(30))
                .inGraph(keptGraph)
                .store();
        long k2 = jobs.aJob(shortLived)
                .doneAt(old.plusSeconds(30))
                .inGraph(keptGraph)
                .store();
        long k3 = jobs.aJob(shortLived).created(old).inGraph(keptGraph).store();
        jobs.dependency(k1, k3);
        jobs.dependency(k2, k3);

        AutovacuumRun started = autovacuum.start("it-user", STOPPABLE);
        long firstExecution = started.executionId();
        await().atMost(TIMEOUT).until(() -> run(started.id()).rowsDeleted() > 0);
        assertThat(autovacuum.stop(started.id())).isTrue();
        AutovacuumRun stopped = runToTheEnd(started);

        assertThat(stopped.outcome()).isEqualTo(RunOutcome.STOPPED);
        int left = jobs.remaining(eligible).size();
        assertThat(left).as("jobs left when it stopped").isBetween(1, 39);
        assertThat(stopped.rowsDeleted()).isEqualTo(40 - left);

        AutovacuumRun resumed = autovacuum.resume(started.id());
        assertThat(resumed.executionId()).isNotEqualTo(firstExecution);
        AutovacuumRun finished = runToTheEnd(resumed);

        assertThat(finished.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(jobs.remaining(eligible)).isEmpty();
        assertThat(jobs.remaining(List.of(k1, k2, k3))).hasSize(3);
        assertThat(finished.rowsDeleted())
                .as("the run's count, over both executions")
                .isEqualTo(40);
        assertThat(readCount(firstExecution) + readCount(finished.executionId()))
                .as("candidates read by both executions: each once")
                .isEqualTo(42);
    }

    @Test
    void secondStartWhileOneRuns_isRefusedNamingTheRunningOne() {
        jobs.manyDone(channel("short", 2), 30, now.minus(Duration.ofDays(5)));
        AutovacuumRun first = autovacuum.start("first-user", SLOW);

        assertThatThrownBy(() -> autovacuum.start("second-user"))
                .isInstanceOf(AutovacuumRunningException.class)
                .hasMessageContaining("The autovacuum is already running on " + first.server())
                .hasMessageContaining("run " + first.id() + ", started by first-user");
        assertThat(jobs.runningRuns()).isEqualTo(1);
        assertThat(autovacuum.lastRuns(1)).extracting(AutovacuumRun::id).containsExactly(first.id());
    }

    @Test
    void runningRecordOfAnotherServer_refusesEveryStartUntilThatServerStopsBeating_thenIsTakenOver() {
        List<Long> eligible = jobs.manyDone(channel("short", 2), 3, now.minus(Duration.ofDays(5)));
        String elsewhere = "other@elsewhere/domain9-" + prefix;
        long theirs = jobs.runningElsewhere(elsewhere, Duration.ofSeconds(1));

        // Nothing on this server runs: only the database knows the other server's run, and refuses.
        assertThatThrownBy(() -> autovacuum.start("it-user", FULL))
                .isInstanceOf(AutovacuumRunningException.class)
                .hasMessageContaining("already running on " + elsewhere);
        assertThat(jobs.remaining(eligible)).hasSize(3);

        jobs.lastBeat(theirs, Duration.ofHours(1)); // that server died an hour ago
        AutovacuumRun ours = runToTheEnd(autovacuum.start("it-user", FULL));

        assertThat(ours.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(jobs.remaining(eligible)).isEmpty();
        assertThat(run(theirs).outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(jobs.reason(theirs))
                .startsWith(elsewhere + " stopped beating during the run")
                .endsWith("taken over by " + ours.server());
    }

    @Test
    void startsAtTheSameMoment_onlyOneWins() throws Exception {
        jobs.manyDone(channel("short", 2), 30, now.minus(Duration.ofDays(5)));
        int starters = 6;
        CyclicBarrier together = new CyclicBarrier(starters);
        ExecutorService threads = Executors.newFixedThreadPool(starters);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < starters; i++) {
                Callable<Boolean> start = () -> {
                    together.await();
                    try {
                        autovacuum.start("racer", SLOW);
                        return true;
                    } catch (AutovacuumRunningException refused) {
                        return false;
                    }
                };
                outcomes.add(threads.submit(start));
            }
            int won = 0;
            for (Future<Boolean> outcome : outcomes) {
                won += outcome.get() ? 1 : 0;
            }

            assertThat(won).isEqualTo(1);
            assertThat(jobs.runningRuns()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void runTakenOverWhileItWorks_deletesNothingMore() {
        List<Long> eligible = jobs.manyDone(channel("short", 2), 30, now.minus(Duration.ofDays(5)));
        AutovacuumRun run = autovacuum.start("it-user", SLOW);
        await().atMost(TIMEOUT).until(() -> run(run.id()).rowsDeleted() > 0);

        // Returns once a chunk in flight has committed: the record is locked while a chunk works.
        jobs.takeOver(run.id(), "Taken over by a test");
        int left = jobs.remaining(eligible).size();
        await().atMost(TIMEOUT).until(() -> batchStatus(run.executionId()) == BatchStatus.FAILED);

        assertThat(jobs.remaining(eligible)).hasSize(left);
        assertThat(left).isPositive();
        assertThat(run(run.id()).outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(jobs.reason(run.id())).isEqualTo("Taken over by a test");
    }

    @Test
    void scheduledStart_isSkippedWhenAnotherServersScheduleStartedARunWithinTheHour() {
        // Long ago, so that no run of this test is near the real time of a schedule; earlier runs of this test go.
        Instant longAgo = now.minus(Duration.ofDays(400));
        jobs.deleteScheduledRunsBefore(now.minus(Duration.ofDays(300)));
        clock.fix(longAgo);
        AutovacuumRun scheduled = runToTheEnd(autovacuum.startScheduled().orElseThrow());
        assertThat(scheduled.startedBy()).isEqualTo(AutovacuumRun.SCHEDULE);

        clock.fix(longAgo.plus(Duration.ofMinutes(59)));
        assertThat(autovacuum.startScheduled())
                .as("59 minutes later, on another server")
                .isEmpty();
        clock.fix(longAgo.minus(Duration.ofMinutes(5)));
        assertThat(autovacuum.startScheduled())
                .as("on a server whose clock is 5 minutes late")
                .isEmpty();

        clock.fix(longAgo.plus(Duration.ofMinutes(61)));
        AutovacuumRun nextOne = runToTheEnd(autovacuum.startScheduled().orElseThrow());
        assertThat(nextOne.id()).isGreaterThan(scheduled.id());
    }

    /** A channel of this test with a record and a removal interval. */
    private String channel(String name, int removalDays) {
        String channel = prefix + "." + name;
        channels.configure(channel, OptionalInt.of(1), false, 0);
        channels.changeRemovalInterval(channel, removalDays);
        return channel;
    }

    private AutovacuumRun run(long id) {
        return autovacuum.find(id).orElseThrow();
    }

    private AutovacuumRun runToTheEnd(AutovacuumRun run) {
        await().atMost(TIMEOUT).until(() -> run(run.id()).outcome() != RunOutcome.RUNNING);
        // The record is written by the job's listener, just before the batch runtime ends the execution.
        await().atMost(TIMEOUT)
                .until(() -> !ACTIVE.contains(batchStatus(run(run.id()).executionId())));
        return run(run.id());
    }

    private static BatchStatus batchStatus(long execution) {
        return BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus();
    }

    private static long readCount(long execution) {
        JobOperator operator = BatchRuntime.getJobOperator();
        long read = 0;
        for (StepExecution step : operator.getStepExecutions(execution)) {
            for (Metric metric : step.getMetrics()) {
                if (metric.getType() == Metric.MetricType.READ_COUNT) {
                    read += metric.getValue();
                }
            }
        }
        return read;
    }
}
