package org.queuejob.web.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The job an enqueue stored (or the waiting job holding the same identity key). */
@Schema(name = "Created")
public class CreatedJson {

    @Schema(required = true)
    public UUID uuid;

    @Schema(required = true, description = "The job's address in this API")
    public String url;

    public CreatedJson() {}

    CreatedJson(UUID uuid, String url) {
        this.uuid = uuid;
        this.url = url;
    }
}
