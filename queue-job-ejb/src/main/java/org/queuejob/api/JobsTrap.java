package org.queuejob.api;

import java.util.List;
import java.util.Map;

/**
 * A test helper for applications, the original's {@code trap_jobs()}: while open on a thread, {@link Job} calls made
 * there are kept in memory instead of stored, to be checked and run by the test.
 *
 * <pre>{@code
 * try (JobsTrap trap = queue.trapJobs()) {
 *     subscriptions.subscribe(customer);                 // calls mailer.sendNewsletter(customer, today)
 *     trap.assertJobsCount(1);
 *     trap.assertEnqueued(() -> mailer.sendNewsletter(customer, today), Map.of("priority", 10));
 *     trap.performEnqueuedJobs();                        // runs it now, in its own transaction
 * }
 * }</pre>
 */
public interface JobsTrap extends AutoCloseable {

    /** A trapped call: the job function, its arguments, and the options it would be stored with. */
    record TrappedJob(String function, List<Object> arguments, Map<String, Object> properties) {}

    List<TrappedJob> jobs();

    void assertJobsCount(int expected);

    /** Counts only the trapped calls of the method {@code call} calls (its arguments are ignored). */
    void assertJobsCount(int expected, JobCall call);

    /**
     * Asserts a call like {@code expected} (same method, equal arguments) was trapped with at least the given
     * properties (priority, eta, max_retries, description, channel, identity_key; others are not compared); the
     * failure message lists what was trapped.
     */
    void assertEnqueued(JobCall expected, Map<String, Object> properties);

    default void assertEnqueued(JobCall expected) {
        assertEnqueued(expected, Map.of());
    }

    /**
     * Runs the trapped jobs now, in this thread, as a worker runs stored ones: each in a transaction of its own (one
     * the caller has is suspended meanwhile), committed when the job returns and rolled back when it throws, with its
     * arguments read back from the JSON they would be stored as (entities loaded again) and its {@link JobContext}
     * set. Single jobs first, by priority, then graphs, parents first. A job's exception comes out of this method.
     */
    void performEnqueuedJobs();

    /** Stops trapping; calls are stored again. */
    @Override
    void close();
}
