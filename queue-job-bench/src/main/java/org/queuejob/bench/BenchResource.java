package org.queuejob.bench;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.queuejob.bench.phase.Phase;
import org.queuejob.bench.phase.PhaseRunner;

/**
 * The queue's side of the phases, driven over HTTP by the benchmark driver, which measures CPU and statements from
 * outside while the phase times itself here. Local use only: it has no security, so never deploy it anywhere else.
 */
@Path("phase")
@Produces(MediaType.TEXT_PLAIN)
@ApplicationScoped
public class BenchResource {

    @Inject
    QueueJobSystem queue;

    @Inject
    NoopJobs jobs;

    private PhaseRunner runner;

    @PostConstruct
    void init() {
        runner = new PhaseRunner(queue, jobs.log());
    }

    @POST
    @Path("prepare")
    public String prepare(@QueryParam("phase") Phase phase, @QueryParam("n") int n) throws Exception {
        runner.prepare(phase, n);
        return "ready";
    }

    /** Answers the phase's {@link org.queuejob.bench.phase.Outcome} line. */
    @POST
    @Path("run")
    public String run(@QueryParam("phase") Phase phase, @QueryParam("n") int n) throws Exception {
        return runner.run(phase, n).toLine();
    }

    /** Stops the workers (root paused) so that the driver can fill the table in SQL. */
    @POST
    @Path("hold")
    public String hold() throws Exception {
        runner.hold();
        return "held";
    }

    /** Resumes root and times the next {@code n} runs; answers an outcome line. */
    @POST
    @Path("release")
    public String release(@QueryParam("n") int n) throws Exception {
        return runner.release(n).toLine();
    }
}
