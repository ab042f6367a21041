package org.queuejob.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.queuejob.application.BulkAction;
import org.queuejob.application.BulkActionService;
import org.queuejob.application.BulkRequest;
import org.queuejob.domain.model.bulk.BulkActionRun;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.domain.model.job.JobState;

/**
 * A bulk action as the Jobs screen's "Requeue all matching" starts it (default chunk size and duty), on the failed
 * jobs of one channel, so that the driver can time the hot path while it works, then stop it.
 */
@Path("bulk")
@Produces(MediaType.TEXT_PLAIN)
@ApplicationScoped
public class BulkActionResource {

    private static final Duration STARTING = Duration.ofMinutes(2);
    private static final Duration STOPPING = Duration.ofMinutes(2);

    @Inject
    BulkActionService bulkActions;

    /** Starts requeueing the channel's failed jobs and answers the action's id once its first chunk is written. */
    @POST
    @Path("requeue")
    public String requeue(@QueryParam("channel") String channel) throws InterruptedException {
        JobFilter failed = new JobFilter(Set.of(JobState.FAILED), channel, null);
        long id = bulkActions
                .startOnMatching(BulkRequest.of(BulkAction.REQUEUE), failed, "benchmark")
                .id();
        // The batch job starts asynchronously: the timed phase must not measure its start-up instead of its work.
        await(id, run -> run.processed() > 0 || run.finished(), STARTING);
        return Long.toString(id);
    }

    /**
     * Stops the action; answers "changed jobs-per-second still-running" over its whole run, the last {@code false}
     * when it had ended before (then it did not work all through the timed phase).
     */
    @POST
    @Path("stop")
    public String stop(@QueryParam("run") long id) throws InterruptedException {
        boolean running = !bulkActions.find(id).orElseThrow().finished();
        if (running) {
            bulkActions.stop(id);
        }
        BulkActionRun stopped = await(id, BulkActionRun::finished, STOPPING);
        return String.format(
                Locale.ROOT, "%d %.0f %b", stopped.changed(), stopped.jobsPerSecond(Instant.now()), running);
    }

    private BulkActionRun await(long id, java.util.function.Predicate<BulkActionRun> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            BulkActionRun run = bulkActions.find(id).orElseThrow();
            if (condition.test(run)) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Bulk action " + id + " is still " + run.outcome() + " after "
                        + timeout.toSeconds() + " s (" + run.processed() + " jobs gone through)");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
