package org.queuejob.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The REST API's root: {@code /queue-job/api/v1}. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Queue Job API",
                        version = "1",
                        description =
                                "Jobs, bulk actions, channels, job functions, recurring jobs and servers of the queue. HTTP Basic with a"
                                        + " back-office user: queue-job-viewer reads, queue-job-manager changes. Changes take JSON"
                                        + " bodies (send {} when there is nothing to say). Errors are RFC 9457 problems."),
        security = @SecurityRequirement(name = "basic"),
        tags = {
            @Tag(name = "jobs", description = "List, read, change and enqueue jobs"),
            @Tag(name = "bulk actions", description = "Act on many jobs as a batch job recorded in the database"),
            @Tag(name = "channels", description = "Channels, their settings and live counts"),
            @Tag(name = "job functions", description = "The @Job methods and staff's settings for them"),
            @Tag(name = "recurring jobs", description = "Cron schedules that enqueue a job per tick"),
            @Tag(name = "servers", description = "The servers sharing the queue, which one leads, which are alive")
        })
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class QueueJobApi extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // Jersey (Payara's implementation) answers an error status with setStatus, never sendError: the container's
        // HTML error pages must not replace the API's problem documents. Other implementations ignore the key.
        return Map.of("jersey.config.server.response.setStatusOverSendError", true);
    }
}
