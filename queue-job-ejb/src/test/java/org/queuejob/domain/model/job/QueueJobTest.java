package org.queuejob.domain.model.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

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

    private static QueueJob enqueuedJob(int maxRetries) {
        QueueJob job = newJob(maxRetries);
        job.claim("server@host", T0);
        return job;
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
    void claimedJobCannotBeClaimedAgain() {
        QueueJob job = enqueuedJob(5);

        assertThat(job.worker()).isEqualTo("server@host");
        assertThat(job.dateEnqueued()).isEqualTo(T0);
        assertThatThrownBy(() -> job.claim("other@host", T0))
                .isInstanceOf(IllegalJobStateException.class)
                .hasMessageContaining("Cannot claim job")
                .hasMessageContaining("in state enqueued");
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
    }

    @Test
    void postponedAttemptGoesBackToPendingWithEtaUntilMaxRetries() {
        QueueJob job = enqueuedJob(2);

        job.postponeAttempt("busy", T0.plusSeconds(60), true, "RetryableJobException", T0, T0);

        assertThat(job.state()).isEqualTo(JobState.PENDING);
        assertThat(job.eta()).isEqualTo(T0.plusSeconds(60));
        assertThat(job.result()).isEqualTo("busy");
        assertThat(job.worker()).isNull();

        job.claim("server@host", T0);
        job.postponeAttempt("still busy", T0.plusSeconds(120), true, "RetryableJobException", T0, T0);

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.excMessage()).isEqualTo("Max. retries (2) reached: still busy");
        assertThat(job.retry()).isEqualTo(2);
    }

    @Test
    void uncountedPostponeDoesNotUseUpRetries() {
        QueueJob job = enqueuedJob(1);

        job.postponeAttempt("lock held", T0.plus(Duration.ofSeconds(5)), false, "RetryableJobException", T0, T0);

        assertThat(job.state()).isEqualTo(JobState.PENDING);
        assertThat(job.retry()).isZero();
    }

    @Test
    void zeroMaxRetriesRetriesForever() {
        QueueJob job = newJob(0);
        for (int i = 0; i < 50; i++) {
            job.claim("server@host", T0);
            job.postponeAttempt("again", T0, true, "RetryableJobException", T0, T0);
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
    }

    @Test
    void manualDoneAndCancelSayWhoDidIt() {
        QueueJob done = newJob(5);
        QueueJob cancelled = newJob(5);

        done.markDone("grace", T0);
        cancelled.cancel("linus", T0);

        assertThat(done.result()).isEqualTo("Manually set to done by grace");
        assertThat(cancelled.result()).isEqualTo("Cancelled by linus");
        assertThat(cancelled.dateCancelled()).isEqualTo(T0);
        assertThatThrownBy(() -> done.cancel("linus", T0)).isInstanceOf(IllegalJobStateException.class);
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

        QueueJob claimed = enqueuedJob(5);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> claimed.reschedule(1, null, "root"))
                .isInstanceOf(IllegalJobStateException.class)
                .hasMessageContaining("Cannot edit");
    }
}
