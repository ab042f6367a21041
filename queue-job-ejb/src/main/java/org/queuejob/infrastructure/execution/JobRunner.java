package org.queuejob.infrastructure.execution;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.observability.JobOutcomes;

/**
 * Runs one claimed job on a worker thread: its try in one transaction, and if that rolls back, the record of the
 * failure or retry in another.
 *
 * <p>A stateless session bean for two container services. The call gives the worker thread a component context:
 * the container starts queue threads without one, and beans first created there (the queue's and the
 * application's job beans) would get their EJB references injected as null. And bean-managed transactions let a
 * job's checked exceptions roll back too and keep every outcome here, so the container neither wraps nor logs job
 * failures as its own.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    /** At most one warning a minute while the database is away, however many jobs cannot record their end. */
    private static final QuietLog UNRECORDED_LOG = new QuietLog(LOG, Duration.ofMinutes(1));

    @Resource
    UserTransaction transaction;

    @Inject
    JobExecutor executor;

    @Inject
    JobFailureRecorder failures;

    @Inject
    JobTimeouts timeouts;

    @Inject
    JobOutcomes outcomes;

    @Inject
    @QueueJobClock
    Clock clock;

    /** How a run ended, for the dispatcher's channel accounting. */
    public enum Outcome {
        DONE,
        /** Done, and children waiting for it became pending. */
        DONE_RELEASING_CHILDREN,
        FAILED,
        /** Back to pending for a retry, or changed by someone else while it ran: no longer held by this server. */
        NOT_DONE,
        /**
         * Its end could not be recorded (the database away): still held by this server in the database, which runs
         * it again once the database is back, so its channel slots stay taken.
         */
        UNRECORDED
    }

    /**
     * Runs jobs one after the other while {@code next} has one, telling {@code ended} of each: one call of this bean
     * for many jobs, since a call costs the container more than a no-op job's own transaction does.
     */
    public void runWhileReady(Supplier<ClaimedJob> next, String worker, BiConsumer<ClaimedJob, Outcome> ended) {
        for (ClaimedJob job = next.get(); job != null; job = next.get()) {
            Outcome outcome = Outcome.UNRECORDED;
            try {
                outcome = run(job, worker);
            } finally {
                ended.accept(job, outcome);
            }
        }
    }

    /** Never throws for a job's failure; what could not be recorded stays with this server and is run again. */
    public Outcome run(ClaimedJob job, String worker) {
        Instant startedAt = clock.instant();
        tell(() -> outcomes.started(job, startedAt));
        try {
            if (timeouts.onTransaction()) {
                transaction.setTransactionTimeout(timeouts.secondsFor(job.jobFunction()));
            }
            transaction.begin();
            JobExecutor.Result result = executor.execute(job, worker, startedAt);
            if (result != JobExecutor.Result.CHANGED) {
                transaction.commit();
                tell(() -> outcomes.done(job, startedAt, clock.instant()));
                return result == JobExecutor.Result.DONE_RELEASING_CHILDREN
                        ? Outcome.DONE_RELEASING_CHILDREN
                        : Outcome.DONE;
            }
            transaction.rollback();
            LOG.info(() -> "Job " + job.id() + " was changed by someone else while it ran (cancelled or set done by "
                    + "hand): its work was rolled back");
            return Outcome.NOT_DONE;
        } catch (Exception | LinkageError | AssertionError failure) {
            rollbackQuietly();
            return record(job, worker, failure, startedAt);
        }
    }

    private Outcome record(ClaimedJob job, String worker, Throwable failure, Instant startedAt) {
        long id = job.id();
        try {
            transaction.begin();
            Optional<JobState> state = failures.record(id, worker, failure, startedAt);
            transaction.commit();
            state.ifPresent(recorded -> tell(() -> {
                if (recorded == JobState.FAILED) {
                    outcomes.failed(job, failure, startedAt, clock.instant());
                } else {
                    outcomes.retried(job, failure, startedAt, clock.instant());
                }
            }));
            return state.filter(JobState.FAILED::equals)
                    .map(failed -> Outcome.FAILED)
                    .orElse(Outcome.NOT_DONE);
        } catch (Exception e) {
            rollbackQuietly();
            // Still held by this server in the database: its next look at its jobs runs it again.
            if (TransientFailures.isTransient(e)) {
                // The database is away: every job running now says the same, once is enough.
                UNRECORDED_LOG.warn(() -> "The database is not reachable (" + e.getMessage()
                        + "): jobs that ran meanwhile are run again once it is back, e.g. job " + id);
            } else {
                LOG.log(Level.SEVERE, "Could not record the failure of job " + id + "; it will be run again", e);
                LOG.log(Level.SEVERE, "The job's own failure was", failure);
            }
            return Outcome.UNRECORDED;
        }
    }

    /** Metrics and events come after the commit: whatever happens there, the outcome stands. */
    private static void tell(Runnable outcome) {
        try {
            outcome.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not report a job's outcome (metrics, events)", e);
        }
    }

    private void rollbackQuietly() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException | SecurityException e) {
            LOG.log(Level.WARNING, "Rollback failed", e);
        }
    }
}
