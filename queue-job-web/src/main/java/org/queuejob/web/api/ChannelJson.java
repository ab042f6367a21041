package org.queuejob.web.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.queuejob.application.ChannelView;

/** A channel with its settings and live counts. */
@Schema(name = "Channel")
public class ChannelJson {

    @Schema(required = true, example = "root.mail")
    public String name;

    @Schema(required = true, description = "false for a channel that only has jobs (no record)")
    public boolean configured;

    @Schema(description = "Jobs at once; absent = unlimited")
    public Integer capacity;

    @Schema(required = true)
    public boolean sequential;

    @Schema(required = true, description = "At most one start every N seconds; 0 = none")
    public int throttleSeconds;

    @Schema(required = true)
    public boolean paused;

    @Schema(
            required = true,
            description = "Done and cancelled jobs older than this are deleted (days). A channel without a record"
                    + " (configured false) has its nearest configured ancestor's, the one the autovacuum applies to"
                    + " its jobs (see removalIntervalFrom)")
    public int removalIntervalDays;

    @Schema(
            description = "The channel whose record sets removalIntervalDays: this channel's name when it has a"
                    + " record, its nearest configured ancestor's when it has none (inherited); absent when no record"
                    + " sets it and the default of 30 days applies",
            example = "root")
    public String removalIntervalFrom;

    @Schema(required = true, description = "Its own jobs waiting (wait_dependencies, pending)")
    public long waiting;

    @Schema(required = true, description = "Its own jobs running (enqueued, started)")
    public long running;

    @Schema(required = true, description = "Its own failed jobs")
    public long failed;

    static ChannelJson of(ChannelView view) {
        ChannelJson json = new ChannelJson();
        json.name = view.completeName();
        json.configured = view.configured();
        json.capacity = view.capacity();
        json.sequential = view.sequential();
        json.throttleSeconds = view.throttleSeconds();
        json.paused = view.paused();
        json.removalIntervalDays = view.removalIntervalDays();
        json.removalIntervalFrom = view.removalIntervalFrom();
        json.waiting = view.waiting();
        json.running = view.running();
        json.failed = view.failed();
        return json;
    }
}
