package org.queuejob.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.queuejob.application.FieldEdit;
import org.queuejob.application.JobFunctionService;
import org.queuejob.web.security.Roles;

/** Job functions: every {@code @Job} method's record, and staff's channel, retry pattern and related action. */
@Path("job-functions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "job functions")
@Allowed({Roles.VIEWER, Roles.MANAGER})
@APIResponse(
        responseCode = "401",
        description = "No or wrong credentials",
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
public class JobFunctionsResource {

    @EJB
    JobFunctionService functions;

    @GET
    @Operation(summary = "List job functions")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = JobFunctionJson.class)))
    public List<JobFunctionJson> list() {
        return functions.list().stream().map(JobFunctionJson::of).toList();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One job function")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobFunctionJson.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such job function",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public JobFunctionJson get(@PathParam("name") String name) {
        return functions
                .find(name)
                .map(JobFunctionJson::of)
                .orElseThrow(() -> ApiException.notFound("No job function named " + name + "."));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Roles.MANAGER)
    @Operation(
            summary = "Change a job function",
            description = "Staff's channel, retry pattern and related action. Only the fields the body gives are"
                    + " written: an absent (or null) field keeps its value, as PUT channels/{name} does; a blank one"
                    + " is the code's default again. A malformed retry pattern or related action is refused with the"
                    + " original's message and nothing changes.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobFunctionJson.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed retry pattern or related action",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not a manager",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public JobFunctionJson change(@PathParam("name") String name, JobFunctionChangeJson change) {
        if (functions.find(name).isEmpty()) {
            throw ApiException.notFound("No job function named " + name + ".");
        }
        if (change == null) {
            throw ApiException.badRequest(
                    "The body must be a JSON object with channel, retryPattern or" + " relatedAction.");
        }
        // Only the fields the body gives: a body of retryPattern alone left the channel and related action to the
        // code's defaults again, undoing staff's values nobody asked to change.
        functions.edit(
                name,
                FieldEdit.given(change.channel),
                FieldEdit.given(change.retryPattern),
                FieldEdit.given(change.relatedAction));
        return get(name);
    }
}
