package org.queuejob.web.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.queuejob.application.RecurringJobView;

/** A recurring job: its schedule, job function and arguments, and its next and last runs. */
@Schema(name = "RecurringJob")
public class RecurringJobJson {

    @Schema(required = true)
    public long id;

    @Schema(required = true, example = "nightly-reindex")
    public String name;

    @Schema(
            required = true,
            example = "0 30 2 * * *",
            description = "second minute hour day-of-month month day-of-week")
    public String cron;

    @Schema(required = true, example = "Europe/Brussels")
    public String zone;

    @Schema(required = true, example = "org.queuejob.sample.RecurringSampleJobs.reindexCatalogue")
    public String function;

    @Schema(required = true, description = "A JSON array, one value per parameter", example = "[\"main\"]")
    public String arguments;

    @Schema(description = "Absent: the job function's channel")
    public String channel;

    @Schema(description = "Absent: the @Job priority")
    public Integer priority;

    @Schema(
            required = true,
            enumeration = {"SKIP", "RUN_ONCE"})
    public String missed;

    public boolean enabled;

    @Schema(
            description = "Whether a tick enqueues its job while the previous run (the last job) has not ended; false:"
                    + " the tick enqueues nothing, and lastError says so")
    public boolean allowOverlap;

    @Schema(
            required = true,
            enumeration = {"CODE", "BACK_OFFICE"})
    public String origin;

    @Schema(description = "Absent when disabled, or when the expression fires no more")
    public Instant nextRun;

    @Schema(description = "The tick of the last job; absent when it was run by hand")
    public Instant lastTick;

    public UUID lastJob;

    public Instant lastRunAt;

    @Schema(description = "Who ran it by hand")
    public String lastRunBy;

    @Schema(
            description = "Why the last due tick enqueued nothing: arguments that no longer fit, or a previous run that"
                    + " had not ended")
    public String lastError;

    static RecurringJobJson of(RecurringJobView view) {
        RecurringJobJson json = new RecurringJobJson();
        json.id = view.id();
        json.name = view.name();
        json.cron = view.cron();
        json.zone = view.zone();
        json.function = view.jobFunction();
        json.arguments = view.argumentsJson();
        json.channel = view.channel();
        json.priority = view.priority();
        json.missed = view.missed().name();
        json.enabled = view.enabled();
        json.allowOverlap = view.allowOverlap();
        json.origin = view.origin().name();
        json.nextRun = view.nextRun();
        json.lastTick = view.lastTick();
        json.lastJob = view.lastJobUuid();
        json.lastRunAt = view.lastRunAt();
        json.lastRunBy = view.lastRunBy();
        json.lastError = view.lastError();
        return json;
    }
}
