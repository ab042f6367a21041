package org.queuejob.web.api;

import jakarta.json.JsonValue;
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

    @Schema(description = "The jobs of its graph (empty when it has none)")
    public List<JobJson> graphJobs;

    @Schema(description = "The graph's dependencies: child waits for parent")
    public List<Dependency> dependencies;

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
