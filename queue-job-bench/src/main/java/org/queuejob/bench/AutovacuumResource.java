package org.queuejob.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.queuejob.application.AutovacuumService;
import org.queuejob.domain.model.autovacuum.AutovacuumRun;

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
