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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.domain.model.job.JobFailure;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.observability.JobOutcomes;
import org.queuejob.infrastructure.persistence.QueueStore.SlotPass;

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
        /** Back to pending for a retry: no longer held by this server. */
        NOT_DONE,
        /**
         * Changed by someone else while it ran (cancelled, set done or requeued by hand; or rescued from this server):
         * its work was rolled back, and it is no longer held by this server.
         */
        TAKEN_AWAY,
        /**
         * Its end could not be recorded (the database away; or a record it could not take, and then not even a
         * minimal one): still held by this server in the database, which runs it again once the database is back, so
         * its channel slots stay taken.
         */
        UNRECORDED
    }

    /**
     * What a worker loop gives the runner: its next job, where a done job's channel slot may go, and where ends are
     * told.
     */
    public interface Loop {

        /** The next job to run; null ends the call. */
        ClaimedJob next();

        /** {@code job} starts running now, at {@code startedAt}; the window its method's call is to open. */
        CallWindow started(ClaimedJob job, Instant startedAt);

        /** Where {@code job}'s slot may go when it is done ({@link SlotPassing}); empty: back to the leader. */
        Optional<SlotPass> passFor(ClaimedJob job);

        /**
         * Whether this loop runs {@code next}, which took {@code job}'s slot, right away; false when this server
         * already holds it (a look at the database found it first) or stops.
         */
        boolean takeOn(ClaimedJob job, ClaimedJob next);

        /** {@code job} ended so, {@code next} (or null) having taken its slot; its transaction has ended. */
        void ended(ClaimedJob job, Outcome outcome, ClaimedJob next);
    }

    /**
     * Runs jobs one after the other while the loop has one, telling it of each end: one call of this bean for many
     * jobs, since a call costs the container more than a no-op job's own transaction does. A job that took a done
     * job's slot runs next on the same thread, with no hand-over at all.
     */
    public void runWhileReady(Loop loop, String worker) {
        ClaimedJob job = loop.next();
        while (job != null) {
            Ran ran = new Ran(Outcome.UNRECORDED, Optional.empty());
            ClaimedJob next = null;
            boolean takenOn = false;
            try {
                ran = run(job, worker, loop);
            } finally {
                next = ran.next().orElse(null);
                takenOn = next != null && loop.takeOn(job, next);
                loop.ended(job, ran.outcome(), next);
            }
            job = takenOn ? next : loop.next();
        }
    }

    /** How a run ended, and the job that took its slot on, if one did. */
    private record Ran(Outcome outcome, Optional<ClaimedJob> next) {}

    /**
     * Never throws for a job's failure. A failure whose record the database refused is recorded as a failure of its
     * own; what could not be recorded at all (the database away) stays with this server and is run again.
     */
    private Ran run(ClaimedJob job, String worker, Loop loop) {
        Instant startedAt = clock.instant();
        CallWindow call = loop.started(job, startedAt);
        tell(() -> outcomes.started(job, startedAt));
        try {
            if (timeouts.onTransaction()) {
                transaction.setTransactionTimeout(timeouts.secondsFor(job.jobFunction()));
            }
            transaction.begin();
            JobExecutor.Ran ran = executor.execute(job, worker, startedAt, () -> loop.passFor(job), call);
            if (ran.result() != JobExecutor.Result.CHANGED) {
                transaction.commit();
                tell(() -> outcomes.done(job, startedAt, clock.instant()));
                return new Ran(
                        ran.result() == JobExecutor.Result.DONE_RELEASING_CHILDREN
                                ? Outcome.DONE_RELEASING_CHILDREN
                                : Outcome.DONE,
                        ran.next());
            }
            transaction.rollback();
            LOG.info(() -> "Job " + job.id() + " was changed by someone else while it ran (cancelled, set done or "
                    + "requeued by hand): its work was rolled back");
            return new Ran(Outcome.TAKEN_AWAY, Optional.empty());
        } catch (Exception | Error failure) {
            // Errors too, as the job threw them (JobInvoker unwraps them): a StackOverflowError or OutOfMemoryError of
            // the job's own is over once its stack has unwound, and a failure not recorded is run again.
            rollbackQuietly();
            if (call.takenAway()) {
                // Most often the interrupt its server gave it: the job is someone else's now, nothing to record.
                LOG.info(() -> "Job " + job.id() + " was taken from its run (by hand, or by its server's stop) and"
                        + " ended with "
                        + JobFailure.describe(failure) + ": its work was rolled back");
                return new Ran(Outcome.TAKEN_AWAY, Optional.empty());
            }
            return new Ran(record(job, worker, failure, startedAt), Optional.empty());
        }
    }

    private Outcome record(ClaimedJob job, String worker, Throwable failure, Instant startedAt) {
        long id = job.id();
        try {
            transaction.begin();
            Optional<JobState> state = failures.record(id, job.version(), worker, failure, startedAt);
            transaction.commit();
            state.ifPresent(recorded -> tell(() -> {
                if (recorded == JobState.FAILED) {
                    outcomes.failed(job, failure, startedAt, clock.instant());
                } else {
                    outcomes.retried(job, failure, startedAt, clock.instant());
                }
            }));
            if (state.isEmpty()) {
                return Outcome.TAKEN_AWAY; // no longer held as handed over: nothing recorded
            }
            return state.get() == JobState.FAILED ? Outcome.FAILED : Outcome.NOT_DONE;
        } catch (Exception | Error e) {
            rollbackQuietly();
            if (TransientFailures.isTransient(e)) {
                // Still held by this server in the database: its next look at its jobs runs it again.
                // The database is away: every job running now says the same, once is enough.
                UNRECORDED_LOG.warn(() -> "The database is not reachable (" + JobFailure.readMessage(e)
                        + "): jobs that ran meanwhile are run again once it is back, e.g. job " + id);
                return Outcome.UNRECORDED;
            }
            // A record the database cannot take, or a failure the recorder cannot read: run again, the job would fail
            // the same way, every second, its tries never counted. Failed with a sentence instead.
            return failUnrecordable(job, worker, failure, e, startedAt);
        }
    }

    /** Fails the job with a minimal record, in a transaction of its own, when the record of its failure failed. */
    private Outcome failUnrecordable(
            ClaimedJob job, String worker, Throwable failure, Throwable recording, Instant startedAt) {
        long id = job.id();
        LOG.log(
                Level.SEVERE,
                "Could not record the failure of job " + id + "; failing it with a minimal record",
                recording);
        LOG.log(Level.SEVERE, "The job's own failure was", failure);
        try {
            transaction.begin();
            Optional<JobState> state =
                    failures.recordUnrecordable(id, job.version(), worker, failure, recording, startedAt);
            transaction.commit();
            if (state.isEmpty()) {
                return Outcome.TAKEN_AWAY; // no longer held as handed over: nothing recorded
            }
            tell(() -> outcomes.failed(job, failure, startedAt, clock.instant()));
            return Outcome.FAILED;
        } catch (Exception | Error e) {
            rollbackQuietly();
            LOG.log(
                    Level.SEVERE,
                    "Could not fail job " + id + " either: it stays held by this server, which runs it again at its "
                            + "next look at its jobs until its failure can be recorded",
                    e);
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
