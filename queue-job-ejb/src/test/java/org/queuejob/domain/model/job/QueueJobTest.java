package org.queuejob.domain.model.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The aggregate through the methods production calls on it: the enqueue builds and stores new jobs, the back office's
 * services and the failure recorder change loaded ones.
 */
class QueueJobTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static QueueJob newJob(int maxRetries) {
        return new QueueJob(
                "com.example.Mailer.send",
                "[\"ada@example.com\"]",
                new JobOptions(10, null, maxRetries, "Send a mail", "mail", null),
                "ada",
                T0);
    }

    /**
     * A stored job as the failure recorder loads it after the leader handed it to a server. Production hands jobs
     * out in SQL (the leader's dispatch statement, which follows {@link JobTransition#DISPATCH}) and JPA then loads
     * the row by field, so this fixture does what the statement and the load do: it writes the dispatched row's
     * state, worker and date into the fields. Everything after that goes through the aggregate's methods.
     */
    private static QueueJob dispatched(QueueJob job) {
        assertThat(JobTransition.DISPATCH.allowedFrom(job.state()))
                .as("dispatchable from " + job.state())
                .isTrue();
        setField(job, "state", JobTransition.DISPATCH.to());
        setField(job, "worker", "server@host");
        setField(job, "dateEnqueued", T0);
        return job;
    }

    private static QueueJob enqueuedJob(int maxRetries) {
        QueueJob job = newJob(maxRetries);
        job.stored(1L);
        return dispatched(job);
    }

    private static void setField(QueueJob job, String name, Object value) {
        try {
            Field field = QueueJob.class.getDeclaredField(name);
            field.setAccessible(true);
            field.set(job, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("No field " + name + " in QueueJob", e);
        }
    }

    @Test
    void newJobIsPendingInItsNormalisedChannelWithNoTries() {
        QueueJob job = newJob(5);

        assertThat(job.state()).isEqualTo(JobState.PENDING);
        assertThat(job.channel()).isEqualTo("root.mail");
        assertThat(job.retry()).isZero();
        assertThat(job.uuid()).isNotNull();
        assertThat(job.dateCreated()).isEqualTo(T0);
    }

    @Test
    void aJobIsStoredOnceAndItsContextIsFixedFromThen() {
        QueueJob job = newJob(5);
        job.carryContext("{\"locale\":\"en\"}");

        job.stored(42L);

        assertThat(job.id()).isEqualTo(42L);
        assertThat(job.context()).isEqualTo("{\"locale\":\"en\"}");
        assertThatThrownBy(() -> job.stored(43L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> job.carryContext("{}")).isInstanceOf(IllegalStateException.class);
        assertThat(job.id()).isEqualTo(42L);
    }

    @Test
    void aNewJobWithParentsWaitsForThem_andOnlyANewJobJoinsAGraph() {
        UUID graph = UUID.randomUUID();
        QueueJob first = newJob(5);
        QueueJob child = newJob(5);

        first.joinGraph(graph, false);
        child.joinGraph(graph, true);

        assertThat(first.state()).isEqualTo(JobState.PENDING);
        assertThat(child.state()).isEqualTo(JobState.WAIT_DEPENDENCIES);
        assertThat(child.graphUuid()).contains(graph);
        QueueJob stored = newJob(5);
        stored.stored(7L);
        assertThatThrownBy(() -> stored.joinGraph(graph, false)).isInstanceOf(IllegalJobStateException.class);
    }

    /**
     * A change by hand takes a job from the run of the server holding it: that run, with the version it was handed
     * over at, is what keeps its channel's slot until it returns. A job no server holds, or one that ended, has none.
     */
    @Test
    void aJobHandedToAServerHasAHeldRunUntilItEnds_theHandOversVersionIncluded() {
        QueueJob job = enqueuedJob(5);
        setField(job, "version", 7);

        assertThat(job.heldRun()).contains(new HeldRun(1L, 7L, "server@host", "root.mail"));
        setField(job, "state", JobState.STARTED);
        assertThat(job.heldRun()).as("marked started").contains(new HeldRun(1L, 7L, "server@host", "root.mail"));
        job.cancel("ada", T0);
        assertThat(job.heldRun()).as("cancelled").isEmpty();
        assertThat(newJob(5).heldRun()).as("pending").isEmpty();
        QueueJob done = enqueuedJob(5);
        done.markDone("ada", T0);
        assertThat(done.heldRun()).as("set done, its worker still named").isEmpty();
    }

    @Test
    void aTryCanOnlyEndForAJobAServerHolds() {
        QueueJob pending = newJob(5);

        assertThatThrownBy(() -> pending.failAttempt(JobFailure.of(new IllegalStateException("x")), T0, T0))
                .isInstanceOf(IllegalJobStateException.class)
                .hasMessageContaining("Cannot fail job")
                .hasMessageContaining("in state pending");
        assertThatThrownBy(() -> pending.postponeAttempt("busy", T0, true, "RetryableJobException", null, T0, T0))
                .isInstanceOf(IllegalJobStateException.class)
                .hasMessageContaining("Cannot postpone job");
        assertThat(pending.state()).isEqualTo(JobState.PENDING);
        assertThat(pending.retry()).isZero();
    }

    @Test
    void failedAttemptKeepsExceptionNameMessageAndTraceAndCountsTheTry() {
        QueueJob job = enqueuedJob(5);

        job.failAttempt(JobFailure.of(new IllegalStateException("no stock")), T0, T0.plusSeconds(2));

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.excName()).isEqualTo("java.lang.IllegalStateException");
        assertThat(job.excMessage()).isEqualTo("no stock");
        assertThat(job.excInfo()).contains("QueueJobTest");
        assertThat(job.retry()).isEqualTo(1);
        assertThat(job.execTimeMillis()).isEqualTo(2000);
        assertThat(job.worker()).as("kept for the record").isEqualTo("server@host");
    }

    @Test
    void postponedAttemptGoesBackToPendingWithEtaUntilMaxRetries() {
        QueueJob job = enqueuedJob(2);

        job.postponeAttempt("busy", T0.plusSeconds(60), true, "RetryableJobException", null, T0, T0);

        assertThat(job.state()).isEqualTo(JobState.PENDING);
        assertThat(job.eta()).isEqualTo(T0.plusSeconds(60));
        assertThat(job.result()).isEqualTo("busy");
        assertThat(job.worker()).isNull();
        assertThat(job.dateEnqueued()).isNull();

        dispatched(job);
        job.postponeAttempt("still busy", T0.plusSeconds(120), true, "RetryableJobException", null, T0, T0);

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.excMessage()).isEqualTo("Max. retries (2) reached: still busy");
        assertThat(job.retry()).isEqualTo(2);
    }

    /** The job page showed no stack trace for the try that used up its retries, and "null" for a message. */
    @Test
    void reachingMaxRetries_keepsTheLastTrysStackTrace_andNamesAnExceptionWithoutAMessage() {
        QueueJob job = enqueuedJob(1);

        job.postponeAttempt(
                null,
                T0.plusSeconds(60),
                true,
                "org.acme.GatewayBusy",
                "org.acme.GatewayBusy\n\tat Gateway.send",
                T0,
                T0);

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.excMessage()).isEqualTo("Max. retries (1) reached: org.acme.GatewayBusy");
        assertThat(job.excInfo()).isEqualTo("org.acme.GatewayBusy\n\tat Gateway.send");
    }

    @Test
    void uncountedPostponeDoesNotUseUpRetries() {
        QueueJob job = enqueuedJob(1);

        job.postponeAttempt("lock held", T0.plus(Duration.ofSeconds(5)), false, "RetryableJobException", null, T0, T0);

        assertThat(job.state()).isEqualTo(JobState.PENDING);
        assertThat(job.retry()).isZero();
    }

    @Test
    void zeroMaxRetriesRetriesForever() {
        QueueJob job = newJob(0);
        job.stored(1L);
        for (int i = 0; i < 50; i++) {
            dispatched(job);
            job.postponeAttempt("again", T0, true, "RetryableJobException", null, T0, T0);
        }

        assertThat(job.state()).isEqualTo(JobState.PENDING);
        assertThat(job.retry()).isEqualTo(50);
    }

    @Test
    void requeueResetsTriesAndKeepsTheFailureForTheRecord() {
        QueueJob job = enqueuedJob(5);
        job.failAttempt(JobFailure.of(new IllegalStateException("boom")), T0, T0);

        job.requeue(true);

        assertThat(job.state()).isEqualTo(JobState.PENDING);
        assertThat(job.retry()).isZero();
        assertThat(job.excMessage()).isEqualTo("boom");
        assertThat(job.worker()).isNull();
    }

    @Test
    void requeuedJobWithParentsNotAllDoneWaitsForThemAgain() {
        QueueJob job = enqueuedJob(5);
        job.failAttempt(JobFailure.of(new IllegalStateException("boom")), T0, T0);

        job.requeue(false);

        assertThat(job.state()).isEqualTo(JobState.WAIT_DEPENDENCIES);
    }

    @Test
    void manualDoneAndCancelSayWhoDidIt() {
        QueueJob done = newJob(5);
        QueueJob cancelled = newJob(5);

        done.markDone("grace", T0);
        cancelled.cancel("linus", T0);

        assertThat(done.result()).isEqualTo("Manually set to done by grace");
        assertThat(done.dateDone()).isEqualTo(T0);
        assertThat(cancelled.result()).isEqualTo("Cancelled by linus");
        assertThat(cancelled.dateCancelled()).isEqualTo(T0);
        assertThatThrownBy(() -> done.cancel("linus", T0)).isInstanceOf(IllegalJobStateException.class);
    }

    @Test
    void aFailedJobSetDoneByHandLosesItsFailure() {
        QueueJob job = enqueuedJob(5);
        job.failAttempt(JobFailure.of(new IllegalStateException("boom")), T0, T0);

        job.markDone("grace", T0);

        assertThat(job.state()).isEqualTo(JobState.DONE);
        assertThat(job.excName()).isNull();
        assertThat(job.excInfo()).isNull();
    }

    @Test
    void optionsRefuseNegativeRetriesAndEmptyChannelSegments() {
        assertThatThrownBy(() -> new JobOptions(10, null, -1, "d", "root", null))
                .hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> new JobOptions(10, null, 1, "d", "root..mail", null))
                .hasMessageContaining("empty segment");
    }

    @Test
    void rescheduleChangesPriorityEtaAndNormalisedChannel_butNotWhileAWorkerHoldsTheJob() {
        QueueJob job = newJob(5);
        Instant later = T0.plusSeconds(3600);

        job.reschedule(3, later, "mail");

        assertThat(job.priority()).isEqualTo(3);
        assertThat(job.eta()).isEqualTo(later);
        assertThat(job.channel()).isEqualTo("root.mail");

        QueueJob held = enqueuedJob(5);
        assertThatThrownBy(() -> held.reschedule(1, null, "root"))
                .isInstanceOf(IllegalJobStateException.class)
                .hasMessageContaining("Cannot edit");
    }

    @Test
    void anEtaPastTheYear9999_isRefusedAndNothingOfTheEditIsKept() {
        QueueJob job = newJob(5);
        Instant tooLate = Instant.parse("+300000-01-01T00:00:00Z"); // PostgreSQL's timestamptz ends in 294276

        assertThatThrownBy(() -> job.reschedule(3, tooLate, "reports"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An eta is a moment from the year 1 to the year 9999 (UTC), not +300000-01-01T00:00:00Z.");

        assertThat(job.priority()).isEqualTo(10);
        assertThat(job.eta()).isNull();
        assertThat(job.channel()).isEqualTo("root.mail");
    }

    @Test
    void aRetrysMessageIsKeptAsAnExceptionsMessageIs_aNulAsUFFFD() {
        QueueJob job = enqueuedJob(5);

        job.postponeAttempt("gateway said: \u0000", T0.plusSeconds(60), true, "RetryableJobException", null, T0, T0);

        assertThat(job.state()).isEqualTo(JobState.PENDING);
        assertThat(job.result()).isEqualTo("gateway said: \uFFFD");
    }

    @Test
    void aRetryPastTheYear9999_isRefusedAndTheJobIsLeftAsItWas() {
        QueueJob job = enqueuedJob(5);
        Instant tooLate = Instant.parse("+12026-01-01T00:00:00Z");

        assertThatThrownBy(() -> job.postponeAttempt("later", tooLate, true, "RetryableJobException", null, T0, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An eta is a moment from the year 1 to the year 9999 (UTC), not +12026-01-01T00:00:00Z.");

        assertThat(job.state()).isEqualTo(JobTransition.DISPATCH.to());
        assertThat(job.retry()).isZero();
        assertThat(job.eta()).isNull();
    }
}
