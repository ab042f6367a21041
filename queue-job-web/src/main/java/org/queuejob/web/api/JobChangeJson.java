package org.queuejob.web.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** New priority, eta or channel for a job that waits or failed; absent fields stay as they are. */
@Schema(name = "JobChange", description = "Fields to change; absent ones stay. 'clearEta' removes the eta.")
public class JobChangeJson implements JsonRequest {

    public Integer priority;

    public Instant eta;

    @Schema(description = "true removes the eta (run as soon as possible)")
    public Boolean clearEta;

    public String channel;
}
