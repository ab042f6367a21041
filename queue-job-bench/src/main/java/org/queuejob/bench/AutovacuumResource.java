package org.queuejob.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.queuejob.application.AutovacuumService;
import org.queuejob.domain.model.autovacuum.AutovacuumRun;
import org.queuejob.domain.model.autovacuum.RunOutcome;

/**
 * The autovacuum as the Channels screen's button starts it (default chunk size and duty), so that the driver can time
 * the hot path while it deletes the aged history, then stop it.
 */
@Path("autovacuum")
@Produces(MediaType.TEXT_PLAIN)
@ApplicationScoped
public class AutovacuumResource {

    @Inject
    AutovacuumService autovacuum;

    /** Answers the run's id. */
    @POST
    @Path("start")
    public String start() {
        return Long.toString(autovacuum.start("benchmark").id());
    }

    /**
     * A short run on an idle queue, before the measured phases, so that the batch runtime's and the autovacuum's code
     * is loaded and compiled (as every system's hot path is warmed before it is measured): started, stopped after
     * {@code chunks} chunks (or a minute), and waited for until it has ended. Answers the jobs it deleted.
     */
    @POST
    @Path("warm")
    public String warm(@QueryParam("chunks") int chunks) {
        long run = autovacuum.start("benchmark warm-up").id();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (autovacuum.find(run).orElseThrow().chunks() < chunks && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        autovacuum.stop(run);
        while (autovacuum.find(run).orElseThrow().outcome() == RunOutcome.RUNNING && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        return Long.toString(autovacuum.find(run).orElseThrow().rowsDeleted());
    }

    /** Stops the run; answers "deleted rows-per-second working-rows-per-second" so far. */
    @POST
    @Path("stop")
    public String stop(@QueryParam("run") long run) {
        autovacuum.stop(run);
        AutovacuumRun stopped = autovacuum.find(run).orElseThrow();
        return String.format(
                Locale.ROOT,
                "%d %.0f %.0f",
                stopped.rowsDeleted(),
                stopped.rowsPerSecond(java.time.Instant.now()),
                stopped.rowsPerWorkingSecond());
    }
}
