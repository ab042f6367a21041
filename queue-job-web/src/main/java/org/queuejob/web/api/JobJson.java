package org.queuejob.web.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.queuejob.domain.model.job.QueueJob;

/** A job as the API lists it (arguments, result and stack trace only in {@link JobDetailJson}). */
@Schema(name = "Job", description = "A job as the list shows it")
public class JobJson {

    @Schema(required = true, description = "The job's identity")
    public UUID uuid;

    @Schema(required = true, description = "fully.qualified.Bean.method of its @Job method")
    public String jobFunction;

    public String description;

    @Schema(
            required = true,
            enumeration = {"wait_dependencies", "pending", "enqueued", "started", "done", "cancelled", "failed"})
    public String state;

    @Schema(required = true, description = "Smaller runs first")
    public int priority;

    @Schema(required = true)
    public String channel;

    @Schema(description = "Not before this instant")
    public Instant eta;

    @Schema(required = true, description = "Tries so far")
    public int retry;

    @Schema(required = true, description = "0 = forever")
    public int maxRetries;

    @Schema(required = true)
    public Instant dateCreated;

    public Instant dateStarted;
    public Instant dateDone;
    public Instant dateCancelled;

    @Schema(description = "Run time of the last try, milliseconds")
    public Long execTimeMillis;

    @Schema(description = "Who enqueued it")
    public String user;

    public String excName;
    public String excMessage;

    @Schema(description = "Last progress the job reported, percent", minimum = "0", maximum = "100")
    public Integer progress;

    public String progressMessage;

    @Schema(description = "The graph the job belongs to, if any")
    public UUID graphUuid;

    static JobJson of(QueueJob job) {
        return fill(new JobJson(), job);
    }

    static <T extends JobJson> T fill(T json, QueueJob job) {
        json.uuid = job.uuid();
        json.jobFunction = job.jobFunction();
        json.description = job.description();
        json.state = job.state().dbValue();
        json.priority = job.priority();
        json.channel = job.channel();
        json.eta = job.eta();
        json.retry = job.retry();
        json.maxRetries = job.maxRetries();
        json.dateCreated = job.dateCreated();
        json.dateStarted = job.dateStarted();
        json.dateDone = job.dateDone();
        json.dateCancelled = job.dateCancelled();
        json.execTimeMillis = job.execTimeMillis();
        json.user = job.userName();
        json.excName = job.excName();
        json.excMessage = job.excMessage();
        json.progress = job.progress();
        json.progressMessage = job.progressMessage();
        json.graphUuid = job.graphUuid().orElse(null);
        return json;
    }
}
