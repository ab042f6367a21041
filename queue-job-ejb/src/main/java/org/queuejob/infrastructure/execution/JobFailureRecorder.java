package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.queuejob.api.RetryableJobException;
import org.queuejob.domain.model.job.JobFailure;
import org.queuejob.domain.model.job.JobRepository;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.domain.model.job.RetryPattern;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.interception.JobFunctionCatalog;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;

/**
 * Writes down how a try ended when the job's transaction was rolled back, in the current transaction (a new one
 * that {@link JobRunner} opens for it).
 */
@ApplicationScoped
public class JobFailureRecorder {

    /**
     * The original's PG_RETRY, for serialisation failures, deadlocks and lock timeouts (F19); here also for a
     * connection lost while the job ran.
     */
    static final Duration TRANSIENT_RETRY_DELAY = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(JobFailureRecorder.class.getName());

    @Inject
    JobRepository jobs;

    @Inject
    JobFunctionRegistry functions;

    @Inject
    JobFunctionCatalog catalog;

    @Inject
    @QueueJobClock
    Clock clock;

    /**
     * Returns the job's state afterwards: failed, or pending for a retry; empty when it had left {@code worker}'s
     * hands as they got it at {@code version} (changed by hand, or rescued and taken by another server, while it ran;
     * requeued and handed to {@code worker} again, whose new run is the one that counts).
     */
    public Optional<JobState> record(long id, long version, String worker, Throwable failure, Instant startedAt) {
        QueueJob job = jobs.lockById(id).orElse(null);
        if (job == null || !job.heldAsHandedOver(worker, version)) {
            LOG.warning(() -> "Job " + id + " failed but is no longer running; failure not recorded: " + failure);
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (failure instanceof RetryableJobException retryable) {
            Duration delay = retryable.delay().orElseGet(() -> patternDelay(job, !retryable.ignoreRetry()));
            job.postponeAttempt(
                    retryable.getMessage(),
                    now.plus(delay),
                    !retryable.ignoreRetry(),
                    retryable.getClass().getName(),
                    startedAt,
                    now);
        } else if (TransientFailures.isTransient(failure)) {
            job.postponeAttempt(
                    TransientFailures.message(failure),
                    now.plus(TRANSIENT_RETRY_DELAY),
                    true,
                    failure.getClass().getName(),
                    startedAt,
                    now);
        } else {
            job.failAttempt(JobFailure.of(failure), startedAt, now);
        }
        return Optional.of(job.state());
    }

    /** The job function's retry pattern at the try count this failure leaves (F15); 10 minutes without one. */
    private Duration patternDelay(QueueJob job, boolean countTry) {
        int tries = job.retry() + (countTry ? 1 : 0);
        RetryPattern pattern =
                functions.find(job.jobFunction()).map(catalog::retryPattern).orElse(RetryPattern.NONE);
        return pattern.delayAfter(
                tries, (min, max) -> ThreadLocalRandom.current().nextInt(min, max + 1));
    }
}
