package org.queuejob.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.queuejob.application.ServerControlService;
import org.queuejob.application.ServerQueryService;
import org.queuejob.web.security.Roles;

/**
 * The servers sharing the queue's database: which one leads, which are alive, which are quiet, what each holds. A
 * manager makes a server quiet (it takes no new jobs and finishes those it holds) and lets it take jobs again, naming it
 * in the body ({@link ServerActionJson}: its name holds a slash).
 */
@Path("servers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "servers")
@Allowed({Roles.VIEWER, Roles.MANAGER})
@APIResponse(
        responseCode = "401",
        description = "No or wrong credentials",
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
public class ServersResource {

    @EJB
    ServerQueryService serverQueries;

    @EJB
    ServerControlService serverControl;

    @Context
    SecurityContext security;

    @GET
    @Operation(
            summary = "List the servers",
            description = "Every server that recorded itself and has not left, in name order: a server that stopped"
                    + " without leaving stays listed for a day, as ended or silent.")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ServerJson.class)))
    public List<ServerJson> list() {
        return serverQueries.servers().stream().map(ServerJson::of).toList();
    }

    @POST
    @Path("quiet")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Roles.MANAGER)
    @Operation(
            summary = "Make a server quiet",
            description = "The leader hands it no new job and it passes no slot on; it finishes the jobs it holds"
                    + " (running, and the few ready in its buffer). drained tells when it holds none and can be"
                    + " stopped. It stays quiet until resumed or until it starts anew. A server quiet already stays"
                    + " so, with its first time and user.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ServerJson.class)))
    @APIResponse(
            responseCode = "400",
            description = "No server named in the body",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(
            responseCode = "404",
            description = "No server of that name",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(
            responseCode = "409",
            description = "The server is ended or silent: the leader takes it for dead",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public ServerJson quiet(ServerActionJson action) {
        return ServerJson.of(
                serverControl.quiet(named(action), security.getUserPrincipal().getName()));
    }

    @POST
    @Path("resume")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Roles.MANAGER)
    @Operation(
            summary = "Let a quiet server take jobs again",
            description = "A server that takes jobs already is left as it is.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ServerJson.class)))
    @APIResponse(
            responseCode = "400",
            description = "No server named in the body",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(
            responseCode = "404",
            description = "No server of that name",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public ServerJson resume(ServerActionJson action) {
        return ServerJson.of(
                serverControl.resume(named(action), security.getUserPrincipal().getName()));
    }

    private static String named(ServerActionJson action) {
        if (action == null || action.server == null || action.server.isBlank()) {
            throw ApiException.badRequest(
                    "The body must name the server, as GET /servers lists it: {\"server\": \"server@host/domain1\"}.");
        }
        return action.server;
    }
}
