package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.api.JobQueue;
import org.queuejob.application.JobAdminService;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.infrastructure.execution.Interruptions;
import org.queuejob.infrastructure.execution.Interruptions.Reason;
import org.queuejob.infrastructure.execution.QueueRuntime;
import org.queuejob.it.jobs.Customers;
import org.queuejob.it.jobs.EnqueuedJobs;
import org.queuejob.it.jobs.ExecutionLog;
import org.queuejob.it.jobs.Gate;
import org.queuejob.it.jobs.TestJobs;
import org.queuejob.it.support.DatabaseRows;
import org.queuejob.it.support.TestDeployments;

/** Requeue, set done and cancel, as the back office will call them. */
@ExtendWith(ArquillianExtension.class)
class ManualActionsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Deployment
    static WebArchive deployment() {
        return TestDeployments.queueJobWar("manual-actions-it");
    }

    @Inject
    JobAdminService admin;

    @Inject
    JobQueryService query;

    @Inject
    JobQueue queue;

    @Inject
    TestJobs jobs;

    @Inject
    EnqueuedJobs enqueued;

    @Inject
    ExecutionLog log;

    @Inject
    Customers customers;

    @Inject
    Gate gate;

    @Inject
    QueueRuntime runtime;

    @Inject
    Interruptions interruptions;

    @Test
    void requeuedFailedJobRunsAgainWithItsTriesCountedFromZero() {
        String marker = "requeue-" + UUID.randomUUID();
        jobs.explode(marker);
        UUID uuid = enqueued.last();
        await().atMost(TIMEOUT).until(() -> job(uuid).state() == JobState.FAILED);

        admin.requeue(uuid);

        await().atMost(TIMEOUT).until(() -> log.runs(marker) == 2 && job(uuid).state() == JobState.FAILED);
        assertThat(job(uuid).retry()).isEqualTo(1);
    }

    @Test
    void cancelledWaitingJobNeverRunsAndSaysWhoCancelledIt() {
        String marker = "cancel-" + UUID.randomUUID();
        UUID uuid = queue.options().eta(Duration.ofSeconds(1)).enqueue(() -> jobs.echo(marker));

        admin.cancel(uuid);

        QueueJob job = job(uuid);
        assertThat(job.state()).isEqualTo(JobState.CANCELLED);
        assertThat(job.result()).isEqualTo("Cancelled by system");
        assertThat(job.dateCancelled()).isNotNull();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> log.runs(marker) == 0);
    }

    @Test
    void waitingJobSetDoneByHandNeverRuns() {
        String marker = "done-" + UUID.randomUUID();
        String sibling = "due-with-it-" + UUID.randomUUID();
        UUID uuid = queue.options().eta(Duration.ofSeconds(1)).enqueue(() -> jobs.echo(marker));

        admin.markDone(uuid);
        // Due at the same moment, stored after it: once it ran, the dispatcher has been past the job set done.
        queue.options().eta(Duration.ofSeconds(1)).enqueue(() -> jobs.echo(sibling));

        await().atMost(TIMEOUT).until(() -> log.runs(sibling) == 1);
        assertThat(log.runs(marker)).as("runs of the job set done").isZero();
        assertThat(job(uuid).state()).isEqualTo(JobState.DONE);
        assertThat(job(uuid).result()).isEqualTo("Manually set to done by system");
        assertThat(job(uuid).dateStarted()).isNull();
    }

    /**
     * A job's start commits with its done mark; one still running after a second is marked started by its server, in
     * a statement of its own, with the run's own start. The mark is no hand-over: the row's version, by which the
     * leader counts channel slots, stays that of the dispatch.
     */
    @Test
    void aJobRunningForOverASecondIsMarkedStartedWithItsRunsStart_andEndsDoneFromThere() throws InterruptedException {
        String customer = "Started-" + UUID.randomUUID();
        UUID uuid = runningAtTheGate(customer);
        String handedOver = version(uuid);

        QueueJob started = await().atMost(TIMEOUT).until(() -> job(uuid), job -> job.state() == JobState.STARTED);

        assertThat(started.worker()).isEqualTo(runtime.serverName());
        assertThat(started.dateStarted()).isNotNull().isAfterOrEqualTo(started.dateEnqueued());
        assertThat(version(uuid)).as("the row's version").isEqualTo(handedOver);
        gate.open();
        QueueJob done = await().atMost(TIMEOUT).until(() -> job(uuid), job -> job.state() == JobState.DONE);
        assertThat(done.dateStarted()).as("the start the done mark wrote").isEqualTo(started.dateStarted());
        assertThat(done.execTimeMillis()).isGreaterThanOrEqualTo(1_000L);
        assertThat(customers.exists(customer)).as("the job's customer").isTrue();
    }

    /**
     * Cancelled once people can see it running (started): its server interrupts its wait at the gate (a minute long)
     * within seconds ({@code queue-job.cancel-interrupt}, true unless set), and its work is rolled back. The gate is
     * never opened: only the interrupt lets the job's thread go.
     */
    @Test
    void cancellingARunningJobInterruptsIt_andRollsItsWorkBack() throws InterruptedException {
        String customer = "Cancelled-" + UUID.randomUUID();
        UUID uuid = runningAtTheGate(customer);
        await().atMost(TIMEOUT).until(() -> job(uuid).state() == JobState.STARTED);
        long interruptedBefore = interruptions.count(Reason.TAKEN_AWAY);

        admin.cancel(uuid);

        await().atMost(Duration.ofSeconds(10)).until(gate::wasInterrupted);
        // Counted just after the interrupt, which the gate may hear first.
        await().atMost(TIMEOUT).until(() -> interruptions.count(Reason.TAKEN_AWAY) == interruptedBefore + 1);
        await().atMost(TIMEOUT).until(() -> runtime.workersBusy() == 0);
        QueueJob cancelled = job(uuid);
        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(cancelled.result()).as("not the interrupt's failure").isEqualTo("Cancelled by system");
        assertThat(cancelled.excName()).isNull();
        assertThat(customers.exists(customer))
                .as("the cancelled job's customer")
                .isFalse();
    }

    /**
     * Requeued while it runs: the run is interrupted, and the job is handed to this server again. The old run's end
     * (the interrupt) is not recorded on the new run, which the test lets through the gate: the job ends done, its
     * customer stored once, by the new run.
     */
    @Test
    void requeueingARunningJobInterruptsItsRun_andOnlyTheNewRunEndsIt() throws InterruptedException {
        String customer = "Requeued-" + UUID.randomUUID();
        UUID uuid = runningAtTheGate(customer);
        await().atMost(TIMEOUT).until(() -> job(uuid).state() == JobState.STARTED);
        String firstHandOver = version(uuid);
        long interruptedBefore = interruptions.count(Reason.TAKEN_AWAY);

        admin.requeue(uuid);

        await().atMost(Duration.ofSeconds(10)).until(gate::wasInterrupted);
        // Counted just after the interrupt, which the gate may hear first.
        await().atMost(TIMEOUT).until(() -> interruptions.count(Reason.TAKEN_AWAY) == interruptedBefore + 1);
        QueueJob again = await().atMost(TIMEOUT)
                .until(
                        () -> job(uuid),
                        job -> job.state() == JobState.STARTED && !version(uuid).equals(firstHandOver));
        assertThat(again.excName()).as("the first run's interrupt, recorded").isNull();
        gate.open();
        QueueJob done = await().atMost(TIMEOUT)
                .until(() -> job(uuid), job -> job.state().isFinal() || job.state() == JobState.FAILED);
        assertThat(done.state())
                .as("ended with %s: %s", done.excName(), done.excMessage())
                .isEqualTo(JobState.DONE);
        assertThat(done.retry()).as("tries since the requeue").isEqualTo(1);
        assertThat(customers.exists(customer)).isTrue();
    }

    /**
     * Cancelled while it runs, in a channel of capacity 1, with {@code queue-job.cancel-interrupt} false for its job
     * function: it is not interrupted, runs on, and keeps its channel's slot until it returns, so the channel's next
     * job waits for it rather than running beside it (the slot used to go at the next look at the database).
     */
    @Test
    void aRunningJobCancelledWithoutAnInterrupt_keepsItsChannelsSlotUntilItReturns() throws InterruptedException {
        String held = "held-" + UUID.randomUUID();
        String next = "next-" + UUID.randomUUID();
        gate.reset();
        jobs.serialAtTheGate(held);
        UUID cancelled = enqueued.last();
        await().atMost(TIMEOUT).until(gate::isReached);
        await().atMost(TIMEOUT).until(() -> job(cancelled).state() == JobState.STARTED);
        long interruptedBefore = interruptions.count(Reason.TAKEN_AWAY);

        admin.cancel(cancelled);
        jobs.serial(next);
        UUID waiting = enqueued.last();

        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> job(waiting).state() == JobState.PENDING && !gate.wasInterrupted());
        assertThat(job(cancelled).state()).isEqualTo(JobState.CANCELLED);
        assertThat(interruptions.count(Reason.TAKEN_AWAY))
                .as("interrupts counted")
                .isEqualTo(interruptedBefore);
        assertThat(runtime.runsTakenAway()).as("runs going on once taken away").isEqualTo(1);
        assertThat(DatabaseRows.takenAwayRuns(cancelled))
                .as("its run recorded as taken away, for a leader on any server")
                .hasSize(1);
        assertThat(query.runsTakenAway(job(cancelled)))
                .as("what the job page says of it")
                .singleElement()
                .satisfies(run -> {
                    assertThat(run.worker()).isEqualTo(runtime.serverName());
                    assertThat(run.channel()).isEqualTo("root.serial");
                });
        gate.open();
        await().atMost(TIMEOUT).until(() -> job(waiting).state() == JobState.DONE);
        assertThat(runtime.runsTakenAway()).as("once it returned").isZero();
        assertThat(DatabaseRows.takenAwayRuns(cancelled))
                .as("its record, once it returned")
                .isEmpty();
        assertThat(log.runs(held)).as("runs of the cancelled job").isEqualTo(1);
    }

    /**
     * Requeued while it runs, and not interrupted ({@code queue-job.cancel-interrupt} false for its job function): the
     * job is pending again at once, but not handed out while its old run goes on, so it never runs twice at once; as
     * soon as that run returns (its work rolled back), it runs again.
     */
    @Test
    void aRunningJobRequeuedWithoutAnInterrupt_runsAgainOnlyOnceItsOldRunReturns() throws InterruptedException {
        String held = "requeued-held-" + UUID.randomUUID();
        gate.reset();
        jobs.serialAtTheGate(held);
        UUID requeued = enqueued.last();
        await().atMost(TIMEOUT).until(gate::isReached);
        await().atMost(TIMEOUT).until(() -> job(requeued).state() == JobState.STARTED);

        admin.requeue(requeued);

        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> job(requeued).state() == JobState.PENDING && log.runs(held) == 1);
        assertThat(DatabaseRows.takenAwayRuns(requeued))
                .as("its old run recorded as taken away")
                .hasSize(1);
        gate.open();
        QueueJob done = await().atMost(TIMEOUT)
                .until(() -> job(requeued), job -> job.state().isFinal() || job.state() == JobState.FAILED);
        assertThat(done.state())
                .as("ended with %s: %s", done.excName(), done.excMessage())
                .isEqualTo(JobState.DONE);
        assertThat(log.runs(held))
                .as("runs: the old one and the one after it returned")
                .isEqualTo(2);
        assertThat(DatabaseRows.takenAwayRuns(requeued))
                .as("its record, once it returned")
                .isEmpty();
    }

    /** Enqueues a job that stores {@code customer} and then waits at the gate; returns once it waits there. */
    private UUID runningAtTheGate(String customer) throws InterruptedException {
        gate.reset();
        jobs.createCustomerAtTheGate(customer);
        UUID uuid = enqueued.last();
        await().atMost(TIMEOUT).until(gate::isReached);
        return uuid;
    }

    private static String version(UUID uuid) {
        return DatabaseRows.rows("SELECT version FROM queue_job WHERE uuid = ?", uuid)
                .get(0)
                .get(0);
    }

    private QueueJob job(UUID uuid) {
        return query.find(uuid).orElseThrow();
    }
}
