package org.queuejob.web.api;

import jakarta.json.JsonArray;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A job to enqueue: a registered job function with JSON arguments, and optional call-site options. */
@Schema(name = "Enqueue", description = "A call of a registered @Job method, checked as a Java call is")
public class EnqueueJson implements JsonRequest {

    @Schema(
            required = true,
            description = "fully.qualified.Bean.method of a @Job method (see GET job-functions)",
            example = "org.queuejob.sample.SampleJobs.sendNewsletter")
    public String function;

    @Schema(
            description = "One JSON value per parameter, in order; omitted = no arguments",
            example = "[\"a@b.org\"]",
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)
    public JsonArray arguments;

    @Schema(description = "Smaller runs first; default from @Job")
    public Integer priority;

    @Schema(description = "Not before this instant")
    public Instant eta;

    @Schema(description = "0 = forever; default from @Job")
    public Integer maxRetries;

    public String description;

    @Schema(description = "Channel; default from the job function")
    public String channel;

    @Schema(description = "While a job with this key waits, no second one is stored; its uuid is returned")
    public String identityKey;
}
