package org.queuejob.web.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Staff's values for a job function; blank or absent = the code's default again. */
@Schema(name = "JobFunctionChange")
public class JobFunctionChangeJson implements JsonRequest {

    public String channel;

    @Schema(example = "{1: 60, 3: 180}")
    public String retryPattern;

    @Schema(example = "{\"enable\": true, \"func_name\": \"openOrder\"}")
    public String relatedAction;
}
