package org.queuejob.web.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of every error (RFC 9457), for the OpenAPI document; answers are written by {@link Problems}. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
public class ProblemJson {

    @Schema(required = true, example = "about:blank")
    public String type;

    @Schema(required = true, example = "Bad Request")
    public String title;

    @Schema(required = true, example = "400")
    public int status;

    @Schema(required = true, description = "What is wrong, in a sentence")
    public String detail;

    @Schema(description = "The request's path")
    public String instance;
}
