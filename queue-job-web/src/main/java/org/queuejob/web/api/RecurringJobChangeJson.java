package org.queuejob.web.api;

import jakarta.json.JsonArray;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A recurring job as a manager writes it: everything but the name may change later. A POST takes the defaults below
 * for the fields it leaves out; a PUT writes only the fields it gives, and the others (absent or null) keep their
 * values.
 */
@Schema(
        name = "RecurringJobChange",
        description = "POST: an absent field takes the default stated on it. PUT: only the fields given are written;"
                + " an absent or null field keeps its value.")
public class RecurringJobChangeJson implements JsonRequest {

    @Schema(
            required = true,
            example = "weekday-report",
            description = "Required to create; on a PUT, if given, the record's own (it cannot change)")
    public String name;

    @Schema(required = true, example = "0 0 6 * * MON-FRI", description = "Required to create")
    public String cron;

    @Schema(
            description = "POST: absent is UTC. PUT: absent keeps the zone; empty is UTC again",
            example = "Europe/Brussels")
    public String zone;

    @Schema(
            required = true,
            example = "org.queuejob.sample.SampleJobs.sendNewsletter",
            description = "Required to create")
    public String function;

    @Schema(
            description = "One value per parameter; POST: absent is none. PUT: absent keeps them",
            example = "[\"ops@example.org\"]")
    public JsonArray arguments;

    @Schema(description = "POST: absent is the job function's. PUT: absent keeps it; empty is the job function's again")
    public String channel;

    @Schema(description = "POST: absent is the @Job priority. PUT: absent keeps it (it cannot be cleared here)")
    public Integer priority;

    @Schema(
            enumeration = {"SKIP", "RUN_ONCE"},
            description = "POST: absent is SKIP. PUT: absent keeps it")
    public String missed;

    @Schema(description = "POST: absent is true. PUT: absent keeps it")
    public Boolean enabled;

    @Schema(
            description = "Whether a tick enqueues its job while the previous run has not ended; false: it enqueues"
                    + " nothing (the tick is skipped and lastError says so). POST: absent is false. PUT: absent keeps"
                    + " it")
    public Boolean allowOverlap;
}
