package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.application.BulkAction;
import org.queuejob.application.BulkActionRecovery;
import org.queuejob.application.BulkActionService;
import org.queuejob.application.BulkRequest;
import org.queuejob.application.InvalidSettingException;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.autovacuum.RunOutcome;
import org.queuejob.domain.model.bulk.BulkActionRun;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.it.bulk.BulkJobs;
import org.queuejob.it.support.DatabaseRows;
import org.queuejob.it.support.HeldLock;
import org.queuejob.it.support.TestDeployments;

/**
 * Bulk actions as Jakarta Batch jobs on Payara and PostgreSQL, with the library in the WAR: every matching job changed
 * once, counted in the chunk's own transaction; an action stopped midway and resumed, or whose server is lost midway
 * and that another execution takes over from the record's checkpoint, still changes every job exactly once (a trigger
 * logs every state change of the test's jobs, so a job changed twice would show).
 *
 * <p>A real server restart cannot happen inside the shared Arquillian server. The strongest honest stand-in is the
 * takeover test: the running execution is fenced off (its epoch superseded, as a takeover by another server does)
 * and the record made to look like a dead server's, so the recovery sweep resumes it on a new execution that knows
 * nothing but the database record, exactly as a restarted server or another server would.
 */
@ExtendWith(ArquillianExtension.class)
class BulkActionIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** As fast as the machine allows. */
    private static final AutovacuumPace FULL = new AutovacuumPace(100, 1.0);

    /** Small chunks with pauses between them (9 times a chunk's work), so that an action is caught midway. */
    private static final AutovacuumPace SLOW = new AutovacuumPace(20, 0.1);

    /**
     * Jobs for an action at the slow pace: fifteen chunks, of which a stop or a loss caught after the fifth (or third)
     * leaves about half for the resume or the takeover. 600 cost each of these tests twice as long, to show nothing more.
     */
    private static final int SLOW_JOBS = 300;

    @Deployment
    static WebArchive deployment() {
        return TestDeployments.queueJobWar("bulk-action-it")
                .addPackage(BulkJobs.class.getPackage())
                .addAsResource(
                        new StringAsset("queue-job.channels=root:4\n"
                                + "queue-job.autovacuum.enabled=false\n"
                                // The recovery sweep runs every heartbeat: a lost action is resumed within a second.
                                + "queue-job.heartbeat-seconds=1\n"
                                // Long, so that only this server's restart rule can resume its own silent action.
                                + "queue-job.dead-after-seconds=600\n"),
                        "META-INF/microprofile-config.properties");
    }

    @Inject
    BulkActionService bulkActions;

    @Inject
    BulkJobs jobs;

    @Inject
    BulkActionRecovery recovery;

    private String channel;
    private final List<Long> started = new ArrayList<>();

    @BeforeEach
    void aChannelOfItsOwn() {
        channel = BulkJobs.PREFIX + UUID.randomUUID().toString().substring(0, 8);
        jobs.installChangeLog();
    }

    @AfterEach
    void leaveNoRunningAction() {
        started.forEach(jobs::end);
        jobs.deleteChannel(channel);
        jobs.removeChangeLog();
    }

    @Test
    void requeueAllMatching_changesEveryMatchingJobOnce_andTheRecordCountsThem() {
        jobs.many(channel, "failed", 1_000);
        jobs.many(channel, "done", 5);
        String other = channel + ".other";
        jobs.many(other, "failed", 3);

        BulkActionRun run = start(BulkRequest.of(BulkAction.REQUEUE), failedOf(channel), FULL);
        BulkActionRun finished = toTheEnd(run);

        assertThat(finished.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(finished.matched()).isEqualTo(1_000);
        assertThat(finished.changed()).isEqualTo(1_000);
        assertThat(finished.notChanged()).isZero();
        assertThat(finished.chunks()).isEqualTo(10);
        assertThat(finished.filterText()).isEqualTo("state failed · channel " + channel);
        assertThat(finished.startedBy()).isEqualTo("it-user");
        assertThat(jobs.count(channel, "pending")).isEqualTo(1_000);
        assertThat(jobs.count(channel, "done")).isEqualTo(5);
        assertThat(jobs.count(other, "failed")).as("another channel").isEqualTo(3);
        assertThat(jobs.changedOtherThanOnce(channel, "pending"))
                .as("jobs not requeued exactly once")
                .isEqualTo(5);
        assertThat(jobs.changes(channel, "pending"))
                .as("changes to pending logged")
                .isEqualTo(1_000);
        jobs.deleteChannel(other);
    }

    @Test
    void stoppedMidway_thenResumed_changesEveryJobExactlyOnce_andTheCountIsTheDatabasesAtEveryMoment() {
        jobs.many(channel, "failed", SLOW_JOBS);
        BulkActionRun run = start(BulkRequest.of(BulkAction.REQUEUE), onChannel(channel), SLOW);

        // While it runs: the record's count and the jobs changed, read in one snapshot, are the same number.
        for (int sample = 0; sample < 5; sample++) {
            long before = jobs.count(channel, "pending");
            await().atMost(TIMEOUT).until(() -> jobs.count(channel, "pending") > before);
            long[] countedAndChanged = jobs.countedAndChanged(run.id(), channel, "pending");
            assertThat(countedAndChanged[0]).as("sample " + sample).isEqualTo(countedAndChanged[1]);
        }
        BulkActionRun stopping = bulkActions.stop(run.id());
        assertThat(stopping.stopRequested()).isTrue();
        BulkActionRun stopped = toTheEnd(run);

        assertThat(stopped.outcome()).isEqualTo(RunOutcome.STOPPED);
        long changedBeforeResume = jobs.count(channel, "pending");
        assertThat(changedBeforeResume).as("jobs requeued when it stopped").isBetween(100L, SLOW_JOBS - 1L);
        assertThat(stopped.changed()).isEqualTo(changedBeforeResume);
        assertThat(stopped.reason()).contains("Resume continues where it stopped");
        // The jobs it requeued fail again meanwhile: a resume that read them again would requeue them a second time.
        jobs.failAgain(channel);

        BulkActionRun resumed = bulkActions.resume(run.id());
        assertThat(resumed.epoch()).isEqualTo(2);
        assertThat(resumed.executionId()).isNotEqualTo(run.executionId());
        BulkActionRun finished = toTheEnd(resumed);

        assertThat(finished.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(finished.changed()).isEqualTo(SLOW_JOBS);
        assertThat(finished.notChanged()).isZero();
        assertThat(finished.executions()).isEqualTo(2);
        assertThat(jobs.count(channel, "failed")).as("requeued before the stop").isEqualTo(changedBeforeResume);
        assertThat(jobs.count(channel, "pending")).isEqualTo(SLOW_JOBS - changedBeforeResume);
        assertThat(jobs.changedOtherThanOnce(channel, "pending"))
                .as("jobs not requeued exactly once")
                .isZero();
    }

    /**
     * A chunk held up by a job someone has locked (a long edit, a job's own transaction): the manager's Stop is recorded
     * at once, and the action stops after that chunk. Before, the chunk's hold on the record was an update, and the
     * Stop waited behind it for as long as the job stayed locked.
     */
    @Test
    void stopAskedWhileAChunkWaitsForALockedJob_isRecordedAtOnce_andTheActionStopsAfterThatChunk() throws Exception {
        HeldChunk held = requeueWithTheThirdChunkHeld();
        BulkActionRun run = held.run();
        try (held) {
            Future<BulkActionRun> stop = jobs.inTheBackground(() -> bulkActions.stop(run.id()));
            BulkActionRun asked = await("the stop, asked while the chunk waits")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> stop.isDone() ? stop.get() : null, Objects::nonNull);

            assertThat(asked.stopRequested()).isTrue();
            assertThat(asked.outcome()).as("still in the held chunk").isEqualTo(RunOutcome.RUNNING);
            assertThat(held.lock().waitedFor())
                    .as("the chunk still waits for the job")
                    .isTrue();
        }
        BulkActionRun stopped = toTheEnd(run);

        assertThat(stopped.outcome()).isEqualTo(RunOutcome.STOPPED);
        assertThat(stopped.changed()).as("up to the end of the held chunk").isEqualTo(300);
        assertThat(jobs.count(channel, "pending")).isEqualTo(300);
    }

    /**
     * A chunk held up by a locked job for longer than the dead-after delay: its server's recovery sweep beats for the
     * action, so no other server sees it lost, waits behind the chunk and starts it again. Before, the action beat only
     * between chunks, and went silent with the held chunk.
     */
    @Test
    void chunkHeldUpLongerThanTheDeadAfterDelay_isBeatenForByItsServer_andRunsOnInItsFirstExecution() throws Exception {
        HeldChunk held = requeueWithTheThirdChunkHeld();
        BulkActionRun run = held.run();
        try (held) {
            jobs.silentForAnHour(run.id());
            await("a beat for the held action, from its server's sweep (every second here)")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> jobs.secondsSinceBeat(run.id()), seconds -> seconds < 30);

            BulkActionRun heldUp = find(run.id());
            assertThat(held.lock().waitedFor())
                    .as("the chunk still waits for the job")
                    .isTrue();
            assertThat(heldUp.outcome()).isEqualTo(RunOutcome.RUNNING);
            assertThat(heldUp.epoch()).as("never fenced off").isEqualTo(run.epoch());
            assertThat(heldUp.changed())
                    .as("the two chunks before the held job's")
                    .isEqualTo(200);
        }
        BulkActionRun finished = toTheEnd(run);

        assertThat(finished.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(finished.executions()).as("no takeover, no second start").isEqualTo(1);
        assertThat(finished.executionId()).isEqualTo(run.executionId());
        assertThat(finished.changed()).isEqualTo(600);
        assertThat(jobs.changedOtherThanOnce(channel, "pending"))
                .as("jobs not requeued exactly once")
                .isZero();
    }

    @Test
    void serverLostMidway_isTakenOverFromTheRecordsCheckpoint_theLostExecutionChangesNothingMore() {
        jobs.many(channel, "failed", SLOW_JOBS);
        BulkActionRun run = start(BulkRequest.of(BulkAction.REQUEUE), onChannel(channel), SLOW);
        await().atMost(TIMEOUT).until(() -> find(run.id()).changed() >= 60);

        // Waits for the chunk in flight to commit (it holds the record's row), then fences its execution off; in the
        // same transaction the jobs it requeued fail again, so a takeover that read them again would show.
        long changedAtLoss = jobs.loseServerAndFailAgain(run.id(), "lost@elsewhere/domain9", channel);
        assertThat(changedAtLoss).isBetween(60L, SLOW_JOBS - 1L);
        await().atMost(TIMEOUT).until(() -> batchStatus(run.executionId()) == BatchStatus.FAILED);
        BulkActionRun finished =
                await().atMost(TIMEOUT).until(() -> find(run.id()), action -> action.outcome() == RunOutcome.COMPLETED);

        assertThat(finished.server()).as("taken over by this server").isEqualTo(run.server());
        assertThat(finished.epoch())
                .as("1, the lost server's 2, then the takeover's 3")
                .isEqualTo(3);
        assertThat(finished.executions()).isEqualTo(2);
        assertThat(finished.executionId()).isNotEqualTo(run.executionId());
        assertThat(finished.changed()).isEqualTo(SLOW_JOBS);
        assertThat(jobs.count(channel, "failed")).as("requeued before the loss").isEqualTo(changedAtLoss);
        assertThat(jobs.count(channel, "pending")).isEqualTo(SLOW_JOBS - changedAtLoss);
        assertThat(jobs.changedOtherThanOnce(channel, "pending"))
                .as("jobs not requeued exactly once")
                .isZero();
    }

    @Test
    void ownActionLeftRunningByARestart_isResumedFromItsCheckpointAtOnce_withoutWaitingForTheDeadAfterDelay() {
        jobs.many(channel, "failed", SLOW_JOBS);
        BulkActionRun run = start(BulkRequest.of(BulkAction.REQUEUE), onChannel(channel), SLOW);
        await().atMost(TIMEOUT).until(() -> find(run.id()).changed() >= 60);

        // As the server stopped: its execution gone (fenced off), its record still running under this server's
        // name, last beaten just before this deployment started, well within the 600 s dead-after delay.
        long changedAtRestart =
                jobs.leftByARestart(run.id(), channel, recovery.started().minusSeconds(1));
        assertThat(changedAtRestart).isBetween(60L, SLOW_JOBS - 1L);
        BulkActionRun finished =
                await().atMost(TIMEOUT).until(() -> find(run.id()), action -> action.outcome() == RunOutcome.COMPLETED);

        assertThat(finished.server()).isEqualTo(run.server());
        assertThat(finished.epoch()).isEqualTo(3);
        assertThat(finished.executions()).isEqualTo(2);
        assertThat(finished.changed()).isEqualTo(SLOW_JOBS);
        assertThat(jobs.count(channel, "failed"))
                .as("requeued before the restart")
                .isEqualTo(changedAtRestart);
        assertThat(jobs.count(channel, "pending")).isEqualTo(SLOW_JOBS - changedAtRestart);
        assertThat(jobs.changedOtherThanOnce(channel, "pending"))
                .as("jobs not requeued exactly once")
                .isZero();
    }

    @Test
    void cancelOfASelection_countsTheJobsThatNoLongerApply_andNamesWhoStartedIt() {
        List<Long> pending = jobs.many(channel, "pending", 3);
        List<Long> done = jobs.many(channel, "done", 1);
        List<Long> selection = new ArrayList<>(pending);
        selection.addAll(done);

        BulkActionRun finished =
                toTheEnd(bulkActions.startOnSelection(BulkRequest.of(BulkAction.CANCEL), selection, "it-user", FULL));

        assertThat(finished.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(finished.matched()).isEqualTo(4);
        assertThat(finished.changed()).isEqualTo(3);
        assertThat(finished.skippedState()).isEqualTo(1);
        assertThat(finished.filterText()).isEqualTo("4 selected jobs");
        assertThat(jobs.count(channel, "cancelled")).isEqualTo(3);
        assertThat(jobs.count(channel, "done")).isEqualTo(1);
    }

    @Test
    void actionOnAFilterWhoseStatesItDoesNotApplyTo_changesNothing() {
        jobs.many(channel, "done", 4);

        BulkActionRun finished = toTheEnd(
                start(BulkRequest.of(BulkAction.CANCEL), new JobFilter(Set.of(JobState.DONE), channel, null), FULL));

        assertThat(finished.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(finished.matched()).isZero();
        assertThat(finished.changed()).isZero();
        assertThat(jobs.count(channel, "done")).isEqualTo(4);
    }

    @Test
    void stopOfAFinishedAction_andResumeOfACompletedOne_areRefusedWithASentence() {
        jobs.many(channel, "failed", 2);
        BulkActionRun finished = toTheEnd(start(BulkRequest.of(BulkAction.REQUEUE), onChannel(channel), FULL));

        assertThatThrownBy(() -> bulkActions.stop(finished.id()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Bulk action " + finished.id() + " is completed: only a running action can be stopped.");
        assertThatThrownBy(() -> bulkActions.resume(finished.id()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Bulk action " + finished.id()
                        + " is completed: only a stopped or failed action can be resumed.");
        assertThatThrownBy(() -> bulkActions.stop(-1))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("There is no bulk action -1.");
    }

    /**
     * 600 failed jobs requeued in chunks of 100, the third chunk held up by job 251, which the test holds locked until
     * it closes what this returns.
     */
    private HeldChunk requeueWithTheThirdChunkHeld() {
        List<Long> ids = jobs.many(channel, "failed", 600);
        HeldLock held = DatabaseRows.lock("SELECT id FROM queue_job WHERE id = ? FOR UPDATE", ids.get(250));
        try {
            BulkActionRun run = start(BulkRequest.of(BulkAction.REQUEUE), onChannel(channel), FULL);
            await().atMost(TIMEOUT).until(held::waitedFor);
            assertThat(find(run.id()).changed())
                    .as("the two chunks before the held job's")
                    .isEqualTo(200);
            return new HeldChunk(run, held);
        } catch (RuntimeException | AssertionError e) {
            held.close();
            throw e;
        }
    }

    /** A running action and the lock that holds up its chunk. */
    private record HeldChunk(BulkActionRun run, HeldLock lock) implements AutoCloseable {
        @Override
        public void close() {
            lock.close();
        }
    }

    private BulkActionRun start(BulkRequest request, JobFilter filter, AutovacuumPace pace) {
        BulkActionRun run = bulkActions.startOnMatching(request, filter, "it-user", pace);
        started.add(run.id());
        return run;
    }

    private static JobFilter onChannel(String channel) {
        return new JobFilter(Set.of(), channel, null);
    }

    private static JobFilter failedOf(String channel) {
        return new JobFilter(Set.of(JobState.FAILED), channel, null);
    }

    private BulkActionRun toTheEnd(BulkActionRun run) {
        started.add(run.id());
        return await().atMost(TIMEOUT).until(() -> find(run.id()), BulkActionRun::finished);
    }

    private BulkActionRun find(long id) {
        return bulkActions.find(id).orElseThrow();
    }

    private static BatchStatus batchStatus(long execution) {
        return BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus();
    }
}
