package org.queuejob.web.api;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One job with everything it carries, and its graph when it belongs to one. */
@Schema(name = "JobDetail", description = "A job with its arguments, result, failure and graph")
public class JobDetailJson extends JobJson {

    @Schema(
            description = "The call's arguments, one JSON value per parameter",
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)
    public JsonValue arguments;

    public String result;

    @Schema(description = "The failure's stack trace, as text")
    public String excInfo;

    @Schema(description = "Which server holds it while it runs")
    public String worker;

    @Schema(
            description = "Set while the job runs past its job function's timeout: nothing interrupts it, it fails when"
                    + " it returns and its work is rolled back; absent otherwise")
    public Overrun overrun;

    @Schema(
            description = "Runs of it that go on after it was cancelled, set done or requeued while they ran (not"
                    + " interrupted, or deaf to it): each holds a worker and a slot of its channel until it returns,"
                    + " and its work is then rolled back. Nearly always empty")
    public List<RunTakenAway> runsTakenAway;

    @Schema(description = "The jobs of its graph (empty when it has none)")
    public List<JobJson> graphJobs;

    @Schema(description = "The graph's dependencies: child waits for parent")
    public List<Dependency> dependencies;

    /** How far a running job is past its timeout, and which setting gives that timeout. */
    @Schema(name = "Overrun")
    public static class Overrun {
        @Schema(required = true, description = "How long it has run so far, seconds")
        public long ranForSeconds;

        @Schema(required = true, description = "Its job function's timeout, seconds")
        public long timeoutSeconds;

        @Schema(required = true, description = "The setting that gives the timeout")
        public String setting;

        @Schema(
                required = true,
                description = "Whether its server interrupted it at its timeout (it has not returned since)")
        public boolean interrupted;

        @Schema(required = true, description = "The setting that says whether it is interrupted at its timeout")
        public String interruptSetting;

        public Overrun() {}

        Overrun(org.queuejob.application.Overrun overrun) {
            this.ranForSeconds = overrun.ranFor().toSeconds();
            this.timeoutSeconds = overrun.timeout().toSeconds();
            this.setting = overrun.setting();
            this.interrupted = overrun.interrupted();
            this.interruptSetting = overrun.interruptSetting();
        }
    }

    /** A run that goes on after its job was taken from it by hand. */
    @Schema(name = "RunTakenAway")
    public static class RunTakenAway {
        @Schema(required = true, description = "The server it runs on")
        public String server;

        @Schema(required = true, description = "The channel whose slot it holds")
        public String channel;

        @Schema(required = true, description = "When the job was taken from it")
        public Instant takenAt;

        public RunTakenAway() {}

        RunTakenAway(org.queuejob.domain.model.job.RunTakenAway run) {
            this.server = run.worker();
            this.channel = run.channel();
            this.takenAt = run.takenAt();
        }
    }

    /** A child job waits for its parent. */
    @Schema(name = "Dependency")
    public static class Dependency {
        @Schema(required = true)
        public UUID parent;

        @Schema(required = true)
        public UUID child;

        public Dependency() {}

        Dependency(UUID parent, UUID child) {
            this.parent = parent;
            this.child = child;
        }
    }
}
