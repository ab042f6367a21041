package org.queuejob.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.queuejob.application.FieldEdit;
import org.queuejob.application.RecurringJobChange;
import org.queuejob.application.RecurringJobRequest;
import org.queuejob.application.RecurringJobService;
import org.queuejob.domain.model.job.StoredText;
import org.queuejob.domain.model.recurring.MissedTicks;
import org.queuejob.web.security.Roles;

/**
 * Recurring jobs: list and read them (viewers and managers); create, change, enable, disable, run now and delete
 * (managers). A malformed cron expression, an unknown zone or arguments that do not fit are a 400 naming them.
 */
@Path("recurring-jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "recurring jobs")
@Allowed({Roles.VIEWER, Roles.MANAGER})
@APIResponse(
        responseCode = "401",
        description = "No or wrong credentials",
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
public class RecurringJobsResource {

    @Inject
    RecurringJobService recurring;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "List recurring jobs")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RecurringJobJson.class)))
    public List<RecurringJobJson> list() {
        return recurring.list().stream().map(RecurringJobJson::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One recurring job")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecurringJobJson.class)))
    @APIResponse(responseCode = "404", description = "No such recurring job")
    public RecurringJobJson get(@PathParam("id") String id) {
        return get(existing(id));
    }

    private RecurringJobJson get(long id) {
        return recurring
                .find(id)
                .map(RecurringJobJson::of)
                .orElseThrow(() -> ApiException.notFound("No recurring job " + id + "."));
    }

    /** The id of an existing recurring job from the path, or a 404 that says why (a word, a number too large). */
    private long existing(String id) {
        long parsed;
        try {
            parsed = Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw ApiException.notFound(String.format(
                    "'%s' is not a recurring job id: ids are whole numbers (see GET recurring-jobs).",
                    StoredText.shortened(id, 40)));
        }
        get(parsed);
        return parsed;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Roles.MANAGER)
    @Operation(summary = "Create a recurring job")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RecurringJobJson.class)))
    @APIResponse(responseCode = "400", description = "Malformed cron, unknown zone, function or arguments")
    @APIResponse(responseCode = "403", description = "Not a manager")
    public Response create(RecurringJobChangeJson body) {
        long id = recurring.create(request(body));
        URI location = uri.getBaseUriBuilder()
                .path("recurring-jobs")
                .path(String.valueOf(id))
                .build();
        return Response.created(location).entity(get(id)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Roles.MANAGER)
    @Operation(
            summary = "Change a recurring job created here (one declared in code can only be enabled or disabled)",
            description = "Only the fields the body gives are written; an absent field, or one given as null, keeps its"
                    + " value (as PUT channels/{name} does), so a body of cron, function and arguments leaves the"
                    + " zone, channel, priority, missed-tick policy, enabled and allowOverlap as they are. An empty"
                    + " zone is UTC again, an empty channel the job function's again; a priority can be changed here,"
                    + " not cleared (the back office's form clears it). name, if given, must be the record's.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecurringJobJson.class)))
    @APIResponse(responseCode = "400", description = "Malformed cron, unknown zone, function or arguments")
    @APIResponse(responseCode = "403", description = "Not a manager")
    @APIResponse(
            responseCode = "409",
            description = "Another request changed the recurring job at the same moment; nothing was saved",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public RecurringJobJson change(@PathParam("id") String id, RecurringJobChangeJson body) {
        long existing = existing(id);
        if (body == null) {
            throw ApiException.badRequest("The body must be a JSON object with the fields to change (cron, zone,"
                    + " function, arguments, channel, priority, missed, enabled, allowOverlap).");
        }
        // Only the fields the body gives, resolved in the service's transaction against the record as it is there:
        // a field the body leaves out keeps its value (a disable or a zone set meanwhile is not undone), where the
        // creation's defaults (UTC, enabled, SKIP) were written over it.
        recurring.edit(
                existing,
                body.name,
                new RecurringJobChange(
                        FieldEdit.given(body.cron),
                        FieldEdit.given(body.zone),
                        FieldEdit.given(body.function),
                        FieldEdit.given(body.arguments == null ? null : body.arguments.toString()),
                        FieldEdit.given(body.channel),
                        FieldEdit.given(body.priority),
                        FieldEdit.given(missed(body.missed)),
                        FieldEdit.given(body.enabled),
                        FieldEdit.given(body.allowOverlap)));
        return get(existing);
    }

    @POST
    @Path("{id}/enable")
    @Allowed(Roles.MANAGER)
    @Operation(summary = "Enable: it ticks again from its next tick")
    public RecurringJobJson enable(@PathParam("id") String id) {
        long existing = existing(id);
        recurring.enable(existing);
        return get(existing);
    }

    @POST
    @Path("{id}/disable")
    @Allowed(Roles.MANAGER)
    @Operation(summary = "Disable: it enqueues nothing until enabled")
    public RecurringJobJson disable(@PathParam("id") String id) {
        long existing = existing(id);
        recurring.disable(existing);
        return get(existing);
    }

    @POST
    @Path("{id}/run")
    @Allowed(Roles.MANAGER)
    @Operation(summary = "Enqueue its job now, outside its schedule")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CreatedJson.class)))
    public Response runNow(@PathParam("id") String id) {
        UUID job = recurring.runNow(existing(id), security.getUserPrincipal().getName());
        URI location = uri.getBaseUriBuilder().path("jobs").path(job.toString()).build();
        return Response.created(location)
                .entity(new CreatedJson(job, location.toString()))
                .build();
    }

    @DELETE
    @Path("{id}")
    @Allowed(Roles.MANAGER)
    @Operation(summary = "Delete a recurring job created here (its jobs stay)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        recurring.delete(existing(id));
        return Response.noContent().build();
    }

    /** A new record from a POST's body: a field left out takes the default the schema states. */
    static RecurringJobRequest request(RecurringJobChangeJson body) {
        if (body == null) {
            throw ApiException.badRequest("The body must be a JSON object with name, cron and function.");
        }
        MissedTicks missed = missed(body.missed);
        return new RecurringJobRequest(
                body.name,
                body.cron,
                body.zone,
                body.function,
                body.arguments == null ? "[]" : body.arguments.toString(),
                body.channel,
                body.priority,
                missed == null ? MissedTicks.SKIP : missed,
                body.enabled == null || body.enabled,
                // Absent: runs do not overlap, the default of a record made anywhere.
                Boolean.TRUE.equals(body.allowOverlap));
    }

    /** The missed-tick policy named; null when none is. */
    private static MissedTicks missed(String missed) {
        try {
            return missed == null ? null : MissedTicks.valueOf(missed.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(
                    "missed must be one of " + Arrays.toString(MissedTicks.values()) + ", not '" + missed + "'.");
        }
    }
}
