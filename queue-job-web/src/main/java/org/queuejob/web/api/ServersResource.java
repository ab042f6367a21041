package org.queuejob.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.queuejob.application.ServerQueryService;
import org.queuejob.web.security.Roles;

/** The servers sharing the queue's database: which one leads, which are alive, what each holds. Read only. */
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
}
