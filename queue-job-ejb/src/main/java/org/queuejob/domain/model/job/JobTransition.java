package org.queuejob.domain.model.job;

import static org.queuejob.domain.model.job.JobState.CANCELLED;
import static org.queuejob.domain.model.job.JobState.DONE;
import static org.queuejob.domain.model.job.JobState.ENQUEUED;
import static org.queuejob.domain.model.job.JobState.FAILED;
import static org.queuejob.domain.model.job.JobState.PENDING;
import static org.queuejob.domain.model.job.JobState.STARTED;
import static org.queuejob.domain.model.job.JobState.WAIT_DEPENDENCIES;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The job's state table (the original's §1.B): each way a job's state may change, the states it may change from, and
 * the state it goes to. This is the one place that says it. {@link QueueJob}'s methods check it before they change
 * a loaded job; the statements that change many jobs at once in SQL for speed (dispatch, started mark, done mark,
 * release of children, rescue, autovacuum) build their state conditions from it with {@link #sqlCondition()}, so both
 * follow the same table.
 *
 * <p>A job handed to a server is {@code enqueued} with that server as its worker. Its run is not started in a
 * transaction of its own: the job's start, work and done mark commit together (see the README), so a job of a few
 * milliseconds goes from {@code enqueued} to {@code done} in one step. A job still running after a second is marked
 * {@code started} by its server ({@link #START}), off the job's transaction, so that people see what runs; every
 * transition from {@code enqueued} is therefore also one from {@code started}.
 */
public enum JobTransition {
    /** T3: all parents done, the child may run. */
    RELEASE_CHILD(PENDING, WAIT_DEPENDENCIES),
    /** T6: the leader hands a pending job to a server's workers. */
    DISPATCH(ENQUEUED, PENDING),
    /**
     * T9 of the original, made late: the server running the job marks it started once it has run for a second, in
     * a statement of its own beside the job's transaction (a shorter job does T9 with its done mark).
     */
    START(STARTED, ENQUEUED),
    /** T9 + T10: the worker holding the job ran it; committed with the job's own work. */
    COMPLETE(DONE, ENQUEUED, STARTED),
    /** T12: the try failed for good. */
    FAIL(FAILED, ENQUEUED, STARTED),
    /**
     * A pending job names a job function no deployment has ever registered (a row written or edited by hand): it
     * fails without being run. (The original fails such a job when it runs; here no server could run it.)
     */
    REJECT_UNKNOWN_FUNCTION(FAILED, PENDING),
    /** T11: the job asked to be tried again later (or a transient failure did). */
    POSTPONE(PENDING, ENQUEUED, STARTED),
    /**
     * T7/T8: a job held by a server that stopped, or that never ran it, goes back to waiting. A job marked started whose
     * server died counts the try it was cut short in ({@link RunCutShort}).
     */
    RELEASE(PENDING, ENQUEUED, STARTED),
    /**
     * A job marked started whose server died while it ran, for the try that reaches its max retries: it fails rather
     * than run once more ({@link RunCutShort}). Made with {@link #RELEASE}, by the same statements.
     */
    GIVE_UP_CUT_SHORT(FAILED, STARTED),
    /** T13/T17: manual requeue (or back to waiting for dependencies when a parent is not done). */
    REQUEUE(PENDING, PENDING, ENQUEUED, STARTED, FAILED, DONE, CANCELLED),
    /** T5/T14/T18: set done by hand. */
    MARK_DONE(DONE, WAIT_DEPENDENCIES, PENDING, ENQUEUED, STARTED, FAILED),
    /** T15: cancelled by hand, or with a cancelled ancestor. */
    CANCEL(CANCELLED, WAIT_DEPENDENCIES, PENDING, ENQUEUED, STARTED, FAILED),
    /** The original's editable fields (priority, eta, channel): not while a server holds the job, nor once ended. */
    EDIT(null, WAIT_DEPENDENCIES, PENDING, FAILED),
    /** T19: the autovacuum deletes ended jobs. */
    VACUUM(null, DONE, CANCELLED);

    private final JobState to;
    private final Set<JobState> from;
    private final String sqlCondition;
    private final String rowCondition;

    JobTransition(JobState to, JobState first, JobState... more) {
        this.to = to;
        this.from = Collections.unmodifiableSet(EnumSet.of(first, more));
        String states = from.stream().map(s -> "'" + s.dbValue() + "'").collect(Collectors.joining(", "));
        this.sqlCondition = from.size() == 1 ? "state = " + states : "state IN (" + states + ")";
        this.rowCondition = "(state || '') IN (" + states + ")";
    }

    /** The state a job is in afterwards; {@code null} where it keeps its state (an edit) or leaves (a deletion). */
    public JobState to() {
        return to;
    }

    public Set<JobState> from() {
        return from;
    }

    public boolean allowedFrom(JobState state) {
        return from.contains(state);
    }

    /** The SQL condition on column {@code state} for the rows this transition may change. */
    public String sqlCondition() {
        return sqlCondition;
    }

    /**
     * The same condition, for a statement that finds its rows by primary key and only checks their state: written
     * so that it proves no partial index's predicate, since on stale statistics the planner would otherwise look the
     * row up through such an index (the pending jobs, or a server's held ones) and read every entry of it, dead ones
     * included, for each row.
     */
    public String rowCondition() {
        return rowCondition;
    }
}
