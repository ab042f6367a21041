package org.queuejob.web.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.queuejob.application.ServerQueryService.Server;
import org.queuejob.domain.model.server.ServerStatus;

/** A server sharing the queue's database, as the dashboard's Servers card shows it. */
@Schema(name = "Server", description = "A server of the queue and what the leader makes of it")
public class ServerJson {

    @Schema(required = true, description = "Its name, as the worker of the jobs it holds")
    public String name;

    @Schema(required = true, description = "Whether it dispatches the jobs of the whole cluster")
    public boolean leader;

    @Schema(
            required = true,
            enumeration = {"alive", "ended", "silent"},
            description = "alive; ended: its process or its database session is gone; silent: it has not beaten for"
                    + " longer than queue-job.dead-after-seconds. The jobs of an ended or silent server go back to"
                    + " pending")
    public String condition;

    @Schema(required = true, description = "When it first recorded itself")
    public Instant startedAt;

    @Schema(required = true, description = "Seconds since it last recorded that it is alive, on the database's clock")
    public double secondsSinceHeartbeat;

    @Schema(required = true, description = "Jobs it runs at once (0: it only enqueues)")
    public int workers;

    @Schema(required = true, description = "Jobs it may hold at once, running and ready")
    public int heldLimit;

    @Schema(required = true, description = "How many job functions it can run")
    public int jobFunctions;

    @Schema(required = true, description = "Jobs handed to it that have not ended")
    public long jobsHeld;

    @Schema(required = true, description = "Of those, the ones marked started (running for over a second)")
    public long jobsStarted;

    @Schema(
            required = true,
            description = "Whether it takes no new jobs (made quiet): the leader hands it none, and it finishes those"
                    + " it holds")
    public boolean quiet;

    @Schema(description = "When it was made quiet; absent while it takes jobs")
    public Instant quietSince;

    @Schema(description = "Who made it quiet; absent while it takes jobs")
    public String quietBy;

    @Schema(required = true, description = "Whether it is quiet and holds no job: it can be stopped")
    public boolean drained;

    static ServerJson of(Server server) {
        ServerStatus status = server.status();
        ServerJson json = new ServerJson();
        json.name = status.name();
        json.leader = status.leader();
        json.condition = server.condition().word();
        json.startedAt = status.startedAt();
        json.secondsSinceHeartbeat = status.sinceHeartbeat().toMillis() / 1000.0;
        json.workers = status.workers();
        json.heldLimit = status.heldLimit();
        json.jobFunctions = status.jobFunctions();
        json.jobsHeld = status.jobsHeld();
        json.jobsStarted = status.jobsStarted();
        json.quiet = status.quiet();
        json.quietSince = status.quietSince();
        json.quietBy = status.quietBy();
        json.drained = status.drained();
        return json;
    }
}
