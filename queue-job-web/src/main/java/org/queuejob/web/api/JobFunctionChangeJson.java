package org.queuejob.web.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Staff's values for a job function; blank = the code's default again, absent (or null) = kept as it is. */
@Schema(
        name = "JobFunctionChange",
        description = "Only the fields given are written: an absent or null field keeps its value; an empty one is the"
                + " code's default again.")
public class JobFunctionChangeJson implements JsonRequest {

    public String channel;

    @Schema(example = "{1: 60, 3: 180}")
    public String retryPattern;

    @Schema(example = "{\"enable\": true, \"func_name\": \"openOrder\"}")
    public String relatedAction;
}
