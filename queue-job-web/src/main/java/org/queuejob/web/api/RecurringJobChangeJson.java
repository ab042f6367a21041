package org.queuejob.web.api;

import jakarta.json.JsonArray;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recurring job as a manager writes it: everything but the name may change later. */
@Schema(name = "RecurringJobChange")
public class RecurringJobChangeJson implements JsonRequest {

    @Schema(required = true, example = "weekday-report")
    public String name;

    @Schema(required = true, example = "0 0 6 * * MON-FRI")
    public String cron;

    @Schema(description = "Absent: UTC", example = "Europe/Brussels")
    public String zone;

    @Schema(required = true, example = "org.queuejob.sample.SampleJobs.sendNewsletter")
    public String function;

    @Schema(description = "One value per parameter; absent: none", example = "[\"ops@example.org\"]")
    public JsonArray arguments;

    public String channel;

    public Integer priority;

    @Schema(
            enumeration = {"SKIP", "RUN_ONCE"},
            description = "Absent: SKIP")
    public String missed;

    @Schema(description = "Absent: true")
    public Boolean enabled;
}
