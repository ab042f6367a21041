package org.queuejob.web.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The server an action is for, by name. In the body rather than the path: a server's name holds a slash
 * ({@code server@host/domain1}), which a path segment can carry only encoded ({@code %2F}), and HTTP servers treat an
 * encoded slash each in its own way.
 */
@Schema(name = "ServerAction")
public class ServerActionJson implements JsonRequest {

    @Schema(
            required = true,
            description = "The server's name, as GET /servers lists it",
            example = "server@host/domain1")
    public String server;
}
