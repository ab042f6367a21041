package org.queuejob.web.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bulk action: on the listed jobs, or on every job matching a filter. */
@Schema(name = "BulkRequest", description = "An action on the listed jobs ('uuids') or on all jobs matching 'filter'")
public class BulkJson implements JsonRequest {

    @Schema(
            required = true,
            enumeration = {"requeue", "done", "cancel", "priority", "channel"})
    public String action;

    @Schema(description = "The jobs to act on; or give 'filter'")
    public List<UUID> uuids;

    @Schema(description = "Every job matching it, as when the action starts; or give 'uuids'")
    public Filter filter;

    @Schema(description = "The new priority, for action 'priority'")
    public Integer priority;

    @Schema(description = "The new channel, for action 'channel'")
    public String channel;

    /** The Jobs screen's filters. */
    @Schema(name = "JobFilter")
    public static class Filter implements JsonRequest {
        @Schema(description = "States; empty = all")
        public Set<String> states;

        public String channel;

        @Schema(description = "Job function name")
        public String function;

        @Schema(description = "Created at or after")
        public Instant createdFrom;

        @Schema(description = "Created before")
        public Instant createdTo;

        @Schema(description = "Text in description, job function, exception or its message")
        public String text;

        @Schema(description = "The server holding the jobs, by its name (a server of GET /servers)")
        public String worker;
    }
}
