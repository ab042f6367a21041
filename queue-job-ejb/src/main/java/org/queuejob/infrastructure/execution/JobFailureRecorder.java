package org.queuejob.infrastructure.execution;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.queuejob.api.FailedJobException;
import org.queuejob.api.RetryableJobException;
import org.queuejob.domain.model.job.JobEta;
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

    /** A retry asked for past the latest eta a job can have. */
    static final String RETRY_PAST_9999 =
            "Not retried: its retry delay (%s) puts its next try past the year 9999, the latest eta a job can have: %s";

    /** The one thing recorded of a failure whose record failed. */
    static final String UNRECORDABLE = "Its failure could not be recorded: %s";

    /** A bound on the EJB exceptions unwrapped, against causes that nest without end. */
    private static final int MAX_UNWRAPPED = 20;

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
    public Optional<JobState> record(long id, long version, String worker, Throwable thrown, Instant startedAt) {
        QueueJob job = jobs.lockById(id).orElse(null);
        if (job == null || !job.heldAsHandedOver(worker, version)) {
            LOG.warning(() -> "Job " + id + " failed but is no longer running; failure not recorded: "
                    + JobFailure.describe(thrown));
            return Optional.empty();
        }
        Instant now = clock.instant();
        Throwable failure = jobException(thrown);
        if (failure instanceof RetryableJobException retryable) {
            Duration delay = retryable.delay().orElseGet(() -> patternDelay(job, !retryable.ignoreRetry()));
            String message = JobFailure.readMessage(retryable);
            Optional<Instant> retryAt = etaAfter(now, delay);
            if (retryAt.isPresent()) {
                job.postponeAttempt(
                        message,
                        retryAt.get(),
                        !retryable.ignoreRetry(),
                        retryable.getClass().getName(),
                        JobFailure.of(retryable).stackTrace(),
                        startedAt,
                        now);
            } else {
                // Not moved to the year 9999, which would be another eta than the one asked for: failed, saying why.
                JobFailure whole = JobFailure.of(retryable);
                job.failAttempt(
                        new JobFailure(
                                whole.exceptionName(),
                                String.format(RETRY_PAST_9999, delay, message),
                                whole.stackTrace()),
                        startedAt,
                        now);
            }
        } else if (!(failure instanceof FailedJobException) && TransientFailures.isTransient(failure)) {
            // A FailedJobException says "not again" whatever its cause: a deadlock it wraps is the job's reason.
            job.postponeAttempt(
                    TransientFailures.message(failure),
                    now.plus(TRANSIENT_RETRY_DELAY),
                    true,
                    failure.getClass().getName(),
                    JobFailure.of(failure).stackTrace(),
                    startedAt,
                    now);
        } else {
            job.failAttempt(JobFailure.of(failure), startedAt, now);
        }
        // Written now rather than at the commit, so that the database's refusal comes with its SQLSTATE, which tells
        // a database away (try again later) from a record it cannot take (JobRunner then fails the job).
        jobs.flush();
        return Optional.of(job.state());
    }

    /**
     * Fails the job with no more than a sentence, when the record of its failure (or retry) failed for another reason
     * than the database being away: {@code recording} says why. Left as it was, the job would stay held by this server
     * and be run again at its every look at its jobs, its tries never counted. Returns as {@link #record} does.
     */
    public Optional<JobState> recordUnrecordable(
            long id, long version, String worker, Throwable failure, Throwable recording, Instant startedAt) {
        QueueJob job = jobs.lockById(id).orElse(null);
        if (job == null || !job.heldAsHandedOver(worker, version)) {
            return Optional.empty();
        }
        job.failAttempt(
                new JobFailure(
                        failure.getClass().getName(),
                        String.format(UNRECORDABLE, JobFailure.describe(recording)),
                        null),
                startedAt,
                clock.instant());
        jobs.flush();
        return Optional.of(job.state());
    }

    /**
     * The job's own exception where a session bean wrapped it: one the container did not know as an application
     * exception (thrown by an EJB of another module, or with a container that ignores the annotation) comes as the
     * cause of an {@code EJBException} (an {@code EJBTransactionRolledbackException} in the caller's transaction).
     * Other exceptions are kept as thrown, their causes in their stack trace.
     */
    static Throwable jobException(Throwable failure) {
        Throwable part = failure;
        for (int depth = 0; part instanceof EJBException && depth < MAX_UNWRAPPED; depth++) {
            part = part.getCause();
            if (part instanceof RetryableJobException || part instanceof FailedJobException) {
                return part;
            }
        }
        return failure;
    }

    /** {@code delay} after {@code now}, if that is a valid eta ({@link JobEta}). */
    static Optional<Instant> etaAfter(Instant now, Duration delay) {
        try {
            return Optional.of(JobEta.after(now, delay));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The job function's retry pattern at the try count this failure leaves (F15); 10 minutes without one. */
    private Duration patternDelay(QueueJob job, boolean countTry) {
        int tries = job.retry() + (countTry ? 1 : 0);
        RetryPattern pattern =
                functions.find(job.jobFunction()).map(catalog::retryPattern).orElse(RetryPattern.NONE);
        return pattern.delayAfter(tries, JobFailureRecorder::randomWithin);
    }

    /** A second from {@code min} to {@code max}, both included; in longs, so that a bound at Integer.MAX_VALUE fits. */
    static int randomWithin(int min, int max) {
        return (int) ThreadLocalRandom.current().nextLong(min, (long) max + 1);
    }
}
