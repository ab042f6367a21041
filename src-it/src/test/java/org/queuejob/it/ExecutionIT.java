package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.api.JobQueue;
import org.queuejob.application.ChannelService;
import org.queuejob.application.JobEnqueuer;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobOptions;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.domain.scheduling.ChannelStatus;
import org.queuejob.infrastructure.config.WorkerIdentity;
import org.queuejob.infrastructure.execution.Dispatcher;
import org.queuejob.infrastructure.execution.Interruptions;
import org.queuejob.infrastructure.execution.Interruptions.Reason;
import org.queuejob.infrastructure.execution.JobTimedOutException;
import org.queuejob.infrastructure.execution.QueueRuntime;
import org.queuejob.infrastructure.execution.RunningJobsWatch;
import org.queuejob.it.jobs.Customers;
import org.queuejob.it.jobs.EnqueuedJobs;
import org.queuejob.it.jobs.ExecutionLog;
import org.queuejob.it.jobs.Gate;
import org.queuejob.it.jobs.RequestScopedJobs;
import org.queuejob.it.jobs.TestJobs;
import org.queuejob.it.support.DatabaseRows;
import org.queuejob.it.support.HeldLock;
import org.queuejob.it.support.TestDeployments;

/** Stored jobs are run by the server: once, in their own transaction, with their outcome recorded. */
@ExtendWith(ArquillianExtension.class)
class ExecutionIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** As it-microprofile-config.properties sets it. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    @Deployment
    static WebArchive deployment() {
        return TestDeployments.queueJobWar("execution-it");
    }

    @Inject
    TestJobs jobs;

    @Inject
    Customers customers;

    @Inject
    EnqueuedJobs enqueued;

    @Inject
    ExecutionLog log;

    @Inject
    JobQueryService query;

    @Inject
    JobEnqueuer enqueuer;

    @Inject
    UserTransaction transaction;

    @Inject
    ChannelService channels;

    @Inject
    Dispatcher dispatcher;

    @Inject
    QueueRuntime runtime;

    @Inject
    Interruptions interruptions;

    @Inject
    JobQueue queue;

    @Inject
    Gate gate;

    @Inject
    RequestScopedJobs requestScoped;

    @Inject
    WorkerIdentity worker;

    @Test
    void theJobTable_isNeverCutByPostgreSqlsVacuum_soThatItsPlansNeverSeeAnEmptyTable() {
        // A cut locks the table against every done mark, and leaves an empty table's statistics behind: V21.
        assertThat(DatabaseRows.rows(
                        "SELECT CAST(option_value::boolean AS text) FROM pg_class, pg_options_to_table(reloptions)"
                                + " WHERE oid = 'queue_job'::regclass AND option_name = 'vacuum_truncate'"))
                .containsExactly(List.of("false"));
    }

    @Test
    void jobRunsExactlyOnceAndEndsDoneWithItsResultAndExecTime() {
        String marker = "echo-" + UUID.randomUUID();
        jobs.echo(marker);
        UUID uuid = enqueued.last();

        QueueJob job = awaitState(uuid, JobState.DONE);

        assertThat(job.result()).isEqualTo("echo: " + marker);
        assertThat(job.description()).isEqualTo("Echo a marker");
        assertThat(job.execTimeMillis()).isNotNull().isNotNegative();
        assertThat(job.dateStarted()).isNotNull();
        assertThat(job.dateDone()).isAfterOrEqualTo(job.dateStarted());
        assertThat(job.retry()).isEqualTo(1);
        assertThat(job.worker()).isNotBlank();
        // Done is final: give the queue a chance to run it again, and check it did not.
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> log.runs(marker) == 1);
    }

    @Test
    void failingJobEndsFailedWithItsExceptionNameMessageAndStackTrace() {
        String marker = "explode-" + UUID.randomUUID();
        jobs.explode(marker);

        QueueJob job = awaitState(enqueued.last(), JobState.FAILED);

        assertThat(job.excName()).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(job.excMessage()).isEqualTo("Boom <b>" + marker + "</b>");
        // No "at " prefix: WildFly prints the class loader before the frame (at deployment.x.war//org...).
        assertThat(job.excInfo()).contains("org.queuejob.it.jobs.TestJobs.explode(TestJobs.java");
        assertThat(job.retry()).isEqualTo(1);
        assertThat(log.runs(marker)).isEqualTo(1);
    }

    @Test
    void aResultOrExceptionMessageWithANul_isKeptWithTheReplacementCharacter_andTheJobEndsAsItRan() {
        String marker = "nul-" + UUID.randomUUID();

        jobs.nulText(marker, false);
        QueueJob done = awaitState(enqueued.last(), JobState.DONE);
        jobs.nulText(marker, true);
        QueueJob failed = awaitState(enqueued.last(), JobState.FAILED);

        assertThat(done.result()).isEqualTo("before\uFFFDafter " + marker);
        assertThat(failed.excName()).isEqualTo(IllegalStateException.class.getName());
        assertThat(failed.excMessage()).isEqualTo("before\uFFFDafter " + marker);
        assertThat(failed.excInfo()).contains("before\uFFFDafter " + marker);
        assertThat(log.runs(marker)).isEqualTo(2);
    }

    /**
     * Nothing interrupts a job past its timeout: while it still runs, its server says so once, with where its thread
     * waits, and counts it; when it returns, its work is rolled back and it fails.
     */
    @Test
    void aJobThatRunsPastItsTimeoutIsToldOfWhileItRuns_thenHasItsWorkRolledBackAndFailsSayingSo()
            throws InterruptedException {
        String customer = "late-" + UUID.randomUUID();
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger watch = Logger.getLogger(RunningJobsWatch.class.getName());
        watch.addHandler(capture);
        gate.reset();
        try {
            jobs.createCustomerPastTheTimeout(customer);
            UUID uuid = enqueued.last();

            LogRecord told = await().atMost(TIMEOUT)
                    .until(
                            () -> warnings.stream()
                                    .filter(r -> r.getMessage().contains(uuid.toString()))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            assertThat(told.getLevel()).isEqualTo(Level.WARNING);
            assertThat(told.getMessage())
                    .contains("past its timeout of 1 s (queue-job.job-timeout-seconds.org.queuejob.it.jobs.TestJobs"
                            + ".createCustomerPastTheTimeout)")
                    .contains(Gate.class.getName() + ".pass(Gate.java:");
            assertThat(runtime.jobsOverdue()).isEqualTo(1);
            gate.open();
            assertEndsFailedWithItsWorkRolledBack(uuid, customer);
            await().atMost(TIMEOUT).until(() -> runtime.jobsOverdue() == 0);
            assertThat(warnings.stream().filter(r -> r.getMessage().contains(uuid.toString())))
                    .as("warnings about the job")
                    .hasSize(1);
        } finally {
            gate.open();
            watch.removeHandler(capture);
        }
    }

    /**
     * A job function interrupted at its timeout (its {@code @Job}'s): its server interrupts the job's wait within a
     * second of the timeout, so the job returns long before its two-minute wait would end, fails saying so with the
     * interrupt's exception as its cause, and its work is rolled back, and the interrupt is counted in {@code
     * queue_job_interrupted_total{reason="timeout"}}. The server then runs the next job.
     */
    @Test
    void aJobInterruptedAtItsTimeoutReturnsAtOnce_thenHasItsWorkRolledBackAndFailsSayingSo()
            throws InterruptedException {
        String customer = "interrupted-" + UUID.randomUUID();
        String function = TestJobs.class.getName() + ".createCustomerThenWaitPastTheTimeout";
        long interruptedBefore = interruptions.count(Reason.TIMEOUT);

        jobs.createCustomerThenWaitPastTheTimeout(customer);
        UUID uuid = enqueued.last();

        QueueJob job = await().atMost(TIMEOUT)
                .until(
                        () -> query.find(uuid).orElseThrow(),
                        ended -> ended.state().isFinal() || ended.state() == JobState.FAILED);
        assertThat(job.state())
                .as("ended with %s: %s", job.excName(), job.excMessage())
                .isEqualTo(JobState.FAILED);
        assertThat(job.excName()).isEqualTo(JobTimedOutException.class.getName());
        assertThat(job.excMessage())
                .startsWith("The job was interrupted after ")
                .contains(", past its timeout of 1 s (@Job(timeoutSeconds) of " + function
                        + "; queue-job.job-timeout-interrupt." + function + " is true), so its work was rolled back.");
        assertThat(job.excInfo())
                .as("the stored stack trace, with where the interrupt found the job")
                .contains("Caused by: " + InterruptedException.class.getName())
                .contains(TestJobs.class.getName() + ".createCustomerThenWaitPastTheTimeout(");
        assertThat(customers.exists(customer))
                .as("the customer the job stored before its timeout")
                .isFalse();
        assertThat(log.runs(customer)).isEqualTo(1);
        await().atMost(TIMEOUT).until(() -> interruptions.count(Reason.TIMEOUT) == interruptedBefore + 1);
        await().atMost(TIMEOUT).until(() -> runtime.jobsOverdue() == 0);

        String next = "after-" + UUID.randomUUID();
        jobs.register(next);
        awaitState(enqueued.last(), JobState.DONE);
        assertThat(customers.exists(next)).isTrue();
    }

    private void assertEndsFailedWithItsWorkRolledBack(UUID uuid, String customer) {
        QueueJob job = await().atMost(TIMEOUT)
                .until(
                        () -> query.find(uuid).orElseThrow(),
                        ended -> ended.state() == JobState.DONE || ended.state() == JobState.FAILED);

        assertThat(job.state())
                .as("ended with %s: %s", job.excName(), job.excMessage())
                .isEqualTo(JobState.FAILED);
        assertThat(job.excName()).isEqualTo(JobTimedOutException.class.getName());
        assertThat(job.excMessage())
                .startsWith("The job ran for ")
                .contains(", longer than its timeout of 1 s"
                        + " (queue-job.job-timeout-seconds.org.queuejob.it.jobs.TestJobs.createCustomerPastTheTimeout), so its"
                        + " work was rolled back.");
        assertThat(customers.exists(customer))
                .as("the customer the job stored before its timeout")
                .isFalse();
        assertThat(log.runs(customer)).isEqualTo(1);
    }

    @Test
    void entityArgumentIsStoredAsAReferenceAndReloadedWhenTheJobRuns() {
        String marker = "greet-" + UUID.randomUUID();
        customers.createGreetAndRename("Ada", "Ada Lovelace", marker);

        QueueJob job = awaitState(enqueued.last(), JobState.DONE);

        assertThat(job.result()).isEqualTo("Hello Ada Lovelace");
        assertThat(job.arguments()).contains("\"@entity\"").contains(Customers.class.getPackageName() + ".Customer");
        assertThat(job.arguments()).doesNotContain("Ada");
    }

    @Test
    void retryableJobIsTriedAgainThenFailsWhenMaxRetriesIsReached() {
        String marker = "not-yet-" + UUID.randomUUID();
        jobs.notYet(marker);

        QueueJob job = awaitState(enqueued.last(), JobState.FAILED);

        assertThat(job.excMessage()).isEqualTo("Max. retries (2) reached: Not yet: " + marker);
        assertThat(job.retry()).isEqualTo(2);
        assertThat(log.runs(marker)).isEqualTo(2);
    }

    /**
     * Such a retry's record failed at its commit, and the job stayed with its server, which ran it again every second
     * without ever counting a try.
     */
    @Test
    void aRetryTheDatabaseCouldNotStoreAsAsked_isRecordedOnce_neverRunAgainAndAgain() {
        String marker = "retry-badly-" + UUID.randomUUID();

        jobs.retryBadly(marker, false);
        UUID nul = enqueued.last();
        jobs.retryBadly(marker, true);
        UUID pastTheYear9999 = enqueued.last();

        QueueJob retried = await().atMost(TIMEOUT)
                .until(() -> query.find(nul).orElseThrow(), job -> job.retry() == 1 && job.state() == JobState.PENDING);
        QueueJob failed = awaitState(pastTheYear9999, JobState.FAILED);
        assertThat(retried.result()).isEqualTo("gateway said \uFFFD " + marker);
        assertThat(retried.eta()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        assertThat(failed.excMessage())
                .startsWith("Not retried: its retry delay (PT72000000H) puts its next try past the year 9999")
                .endsWith("Much later: " + marker);
        assertThat(failed.retry()).isEqualTo(1);
        assertThat(log.runs(marker)).isEqualTo(2);
    }

    @Test
    void aRunMarkedStartedWhoseEndCouldNotBeRecorded_isRunAgainByItsServer() {
        // What a run of over a second leaves when the database goes away before its end is recorded: the row marked
        // started under this server, which no longer holds it. The server's next look at its jobs must take it back;
        // no other server would (this one is alive), and its channel slot stays taken until it ends.
        String marker = "unrecorded-" + UUID.randomUUID();
        UUID uuid = queue.options().eta(Duration.ofHours(1)).enqueue(() -> jobs.echo(marker));
        DatabaseRows.execute(
                "UPDATE queue_job SET state = 'started', worker = ?, eta = now(), date_enqueued = now(),"
                        + " date_started = now(), version = version + 1 WHERE uuid = ?::uuid",
                worker.name(),
                uuid.toString());

        await().atMost(TIMEOUT).until(() -> query.find(uuid).orElseThrow().state() == JobState.DONE);
        assertThat(log.runs(marker)).isEqualTo(1);
        assertThat(query.find(uuid).orElseThrow().worker()).isEqualTo(worker.name());
    }

    @Test
    void jobOfAFunctionThisDeploymentLacksStaysPendingInsteadOfFailing() {
        // Left by an older deployment, which registered the function before it was renamed (a record remains).
        String function = "com.example.Removed.method";
        DatabaseRows.execute(
                "INSERT INTO queue_job_function (name, default_channel, registered_at) VALUES (?, 'root', now())"
                        + " ON CONFLICT (name) DO NOTHING",
                function);
        QueueJob orphan = new QueueJob(
                function,
                "[]",
                new JobOptions(10, null, 5, "Left by an older deployment", "root", null),
                null,
                Instant.now());
        try {
            enqueuer.store(orphan);

            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> query.find(orphan.uuid()).orElseThrow().state() == JobState.PENDING);
        } finally {
            DatabaseRows.execute(
                    "DELETE FROM queue_job WHERE uuid = CAST(? AS uuid)",
                    orphan.uuid().toString());
            DatabaseRows.execute("DELETE FROM queue_job_function WHERE name = ?", function);
        }
    }

    @Test
    void jobWithAnEtaStartsOnlyOnceItIsDue() {
        String marker = "eta-" + UUID.randomUUID();
        Instant due = Instant.now().plus(Duration.ofSeconds(2));

        UUID uuid = queue.options().eta(due).enqueue(() -> jobs.echo(marker));

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> log.runs(marker) == 0);
        QueueJob job = awaitState(uuid, JobState.DONE);
        assertThat(job.dateStarted()).isAfterOrEqualTo(due);
    }

    @Test
    void aPendingJobLockedByAnOpenTransactionHoldsUpNoOtherJob() {
        String lockedMarker = "locked-" + UUID.randomUUID();
        String freeMarker = "free-" + UUID.randomUUID();
        // Due in a moment: the lock below is taken before the leader may choose either of them.
        Instant due = Instant.now().plus(Duration.ofSeconds(2));
        UUID locked = queue.options().eta(due).enqueue(() -> jobs.echo(lockedMarker));
        UUID free = queue.options().eta(due).enqueue(() -> jobs.echo(freeMarker));

        try (HeldLock lock = DatabaseRows.lock(
                "SELECT id FROM queue_job WHERE uuid = CAST(? AS uuid) FOR UPDATE", locked.toString())) {
            // The locked job is first in dispatch order; the leader used to wait for its lock, and dispatched
            // nothing for any channel until the transaction holding it ended.
            awaitState(free, JobState.DONE);
            assertThat(query.find(locked).orElseThrow().state()).isEqualTo(JobState.PENDING);
            assertThat(log.runs(lockedMarker)).isZero();
        }

        awaitState(locked, JobState.DONE);
        assertThat(log.runs(lockedMarker)).isEqualTo(1);
    }

    @Test
    void retryWithoutADelayWaitsAsTheJobFunctionsRetryPatternSays() {
        String marker = "patterned-" + UUID.randomUUID();
        Instant before = Instant.now();

        jobs.patterned(marker);
        QueueJob retried =
                await().atMost(TIMEOUT).until(() -> query.find(enqueued.last()).orElseThrow(), job -> job.retry() == 1);
        Instant after = Instant.now();

        // {1: 5, ...}: after the first try, 5 s from the moment the failure was recorded.
        assertThat(retried.state()).isEqualTo(JobState.PENDING);
        assertThat(retried.result()).isEqualTo("Again: " + marker);
        assertThat(retried.eta()).isBetween(before.plusSeconds(5), after.plusSeconds(5));
    }

    @Test
    void jobCodeSeesItsJobInTheJobContext() {
        jobs.whoAmI();
        UUID uuid = enqueued.last();

        QueueJob job = awaitState(uuid, JobState.DONE);

        assertThat(job.result()).isEqualTo(uuid + " 1");
    }

    @Test
    void noDelayRunsJobCallsAtOnceInTheCallerAndStoresNothing() throws Exception {
        String marker = "no-delay-" + UUID.randomUUID();
        String graph = "no-delay-graph-" + UUID.randomUUID();
        int before = enqueued.count();

        queue.noDelay(() -> {
            jobs.echo(marker);
            queue.chain(
                            queue.delayable(() -> jobs.step(graph, "a")),
                            queue.delayable(() -> jobs.step(graph, "b")),
                            queue.delayable(() -> jobs.step(graph, "c")))
                    .delay();
            return null;
        });

        assertThat(log.runs(marker)).isEqualTo(1);
        assertThat(log.steps(graph)).containsExactly("a", "b", "c");
        assertThat(enqueued.count()).isEqualTo(before);
        assertThat(jobs.whoAmI()).as("outside no-delay, calls are stored again").isNull();
    }

    @Test
    void jobsOfACapacityOneChannelNeverRunSideBySide() throws Exception {
        String group = "serial-" + UUID.randomUUID();
        transaction.begin();
        for (int i = 0; i < 4; i++) {
            jobs.serial(group);
        }
        transaction.commit();

        await().atMost(TIMEOUT).until(() -> log.runs(group) == 4);
        assertThat(log.mostAtOnce(group)).isEqualTo(1);
    }

    @Test
    void aRequestScopedJobBean_isCreatedForEachJobAndDestroyedAfterIt() throws Exception {
        // Back to back in a channel of capacity 1: each done job hands its slot to the next on the same worker.
        transaction.begin();
        List<UUID> uuids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            uuids.add(queue.enqueue(() -> requestScoped.countCalls()));
        }
        transaction.commit();

        await().atMost(TIMEOUT)
                .until(() -> uuids.stream()
                        .allMatch(uuid -> query.find(uuid).orElseThrow().state() == JobState.DONE));
        List<String[]> results = uuids.stream()
                .map(uuid -> query.find(uuid).orElseThrow().result().split("\\|"))
                .toList();
        assertThat(results).extracting(result -> result[1]).containsOnly("1");
        assertThat(results).extracting(result -> result[0]).doesNotHaveDuplicates();
        // Destroyed when its job ends, not when the worker's run of several jobs does.
        await().atMost(TIMEOUT)
                .until(() -> results.stream().allMatch(result -> RequestScopedJobs.destroyed(result[0])));
    }

    @Test
    void rootChannelRunsJobsSideBySideUpToItsCapacity() throws Exception {
        String group = "parallel-" + UUID.randomUUID();
        transaction.begin();
        for (int i = 0; i < 6; i++) {
            jobs.parallel(group);
        }
        transaction.commit();

        await().atMost(TIMEOUT).until(() -> log.runs(group) == 6);
        assertThat(log.mostAtOnce(group)).isBetween(2, 4);
    }

    @Test
    void pauseIsInEffectWhenItReturns_aJobEnqueuedRightAfterIsNotStartedUntilResumed() {
        String channel = "root.pausable";
        String marker = "pausable-" + UUID.randomUUID();
        String later = "after-the-pause-" + UUID.randomUUID();
        await().atMost(TIMEOUT).until(runtime::isLeader);
        channels.configure(channel, OptionalInt.of(2), false, 0);
        try {
            channels.pause(channel);
            assertThat(channelIs(channel, ChannelStatus::paused))
                    .as("paused for the dispatcher when pause() returned")
                    .isTrue();

            jobs.pausable(marker);
            UUID paused = enqueued.last();
            jobs.echo(later);

            // A job enqueued after it, in another channel, ran: every pass since went past the paused one.
            await().atMost(TIMEOUT).until(() -> log.runs(later) == 1);
            assertThat(log.runs(marker)).as("runs in the paused channel").isZero();
            assertThat(query.find(paused).orElseThrow().state()).isEqualTo(JobState.PENDING);

            channels.configure(channel, OptionalInt.of(3), false, 0);
            assertThat(channelIs(channel, status -> status.capacity().equals(OptionalInt.of(3)) && status.paused()))
                    .as("new capacity when configure() returned, still paused")
                    .isTrue();

            channels.resume(channel);
            assertThat(channelIs(channel, status -> !status.paused()))
                    .as("running for the dispatcher when resume() returned")
                    .isTrue();
            await().atMost(TIMEOUT).until(() -> log.runs(marker) == 1);
        } finally {
            channels.resume(channel);
        }
    }

    @Test
    void storingJobsInOneChannelDoesNotMakeEveryChannelWithRoomReadItsHeadAgain() throws Exception {
        String channel = "root.pausable";
        List<String> idle = List.of("root.idle-reader-1", "root.idle-reader-2", "root.idle-reader-3");
        await().atMost(TIMEOUT).until(runtime::isLeader);
        idle.forEach(name -> channels.configure(name, OptionalInt.of(1), false, 0));
        channels.configure(channel, OptionalInt.of(2), false, 0);
        String marker = "stored-while-paused-" + UUID.randomUUID();
        int stored = 60;
        try {
            channels.pause(channel);
            long withRoom = dispatcher.channelStatus().stream()
                    .filter(status -> !status.paused())
                    .count();
            long readsBefore = runtime.channelReads();
            long started = System.nanoTime();
            for (int i = 0; i < stored; i++) {
                transaction.begin();
                jobs.pausable(marker);
                transaction.commit();
            }
            long polls = Duration.ofNanos(System.nanoTime() - started).toMillis() / POLL_INTERVAL.toMillis();
            long reads = runtime.channelReads() - readsBefore;

            // Each commit stored a job in the paused channel only: no channel with room has anything new to read.
            // The poll still reads every channel with room (it looks for what came without a signal): one pass per
            // poll that fell in the loop, one more at each end, and two for stray signals (an earlier test's retry
            // coming due). Signalling every channel instead read each of them after nearly every commit: 231 reads
            // in a loop of 0.6 s here, against a bound of 35.
            assertThat(reads)
                    .as(
                            "channel reads while %d jobs were stored in a paused channel, %d channels with room, %d polls",
                            stored, withRoom, polls)
                    .isLessThanOrEqualTo(withRoom * (polls + 4));
        } finally {
            channels.resume(channel);
        }
        await().atMost(TIMEOUT).until(() -> log.runs(marker) == stored);
    }

    private boolean channelIs(String channel, Predicate<ChannelStatus> condition) {
        return dispatcher.channelStatus().stream()
                .anyMatch(status -> status.name().equals(channel) && condition.test(status));
    }

    private QueueJob awaitState(UUID uuid, JobState state) {
        return await().atMost(TIMEOUT).until(() -> query.find(uuid).orElseThrow(), job -> job.state() == state);
    }
}
