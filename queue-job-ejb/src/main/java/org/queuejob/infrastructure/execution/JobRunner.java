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
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.infrastructure.config.QueueJobClock;

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

    @Resource
    UserTransaction transaction;

    @Inject
    JobExecutor executor;

    @Inject
    JobFailureRecorder failures;

    @Inject
    @QueueJobClock
    Clock clock;

    /** How a run ended, for the dispatcher's channel accounting. */
    public enum Outcome {
        DONE,
        FAILED,
        /** Back to pending for a retry, changed by someone else while it ran, or not recorded (released later). */
        NOT_DONE
    }

    /** Never throws for a job's failure; what could not be recorded stays claimed and is released by the poll. */
    public Outcome run(ClaimedJob job, String worker) {
        Instant startedAt = clock.instant();
        try {
            transaction.begin();
            if (executor.execute(job, worker, startedAt)) {
                transaction.commit();
                return Outcome.DONE;
            }
            transaction.rollback();
            LOG.info(() -> "Job " + job.id() + " was changed by someone else while it ran (cancelled or set done by "
                    + "hand): its work was rolled back");
            return Outcome.NOT_DONE;
        } catch (Exception | LinkageError | AssertionError failure) {
            rollbackQuietly();
            return record(job.id(), worker, failure, startedAt);
        }
    }

    private Outcome record(long id, String worker, Throwable failure, Instant startedAt) {
        try {
            transaction.begin();
            Optional<JobState> state = failures.record(id, worker, failure, startedAt);
            transaction.commit();
            return state.filter(JobState.FAILED::equals)
                    .map(failed -> Outcome.FAILED)
                    .orElse(Outcome.NOT_DONE);
        } catch (Exception e) {
            rollbackQuietly();
            // Left enqueued for this worker and not in flight: the next poll releases it to pending.
            LOG.log(Level.SEVERE, "Could not record the failure of job " + id + "; it will be run again", e);
            LOG.log(Level.SEVERE, "The job's own failure was", failure);
            return Outcome.NOT_DONE;
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
