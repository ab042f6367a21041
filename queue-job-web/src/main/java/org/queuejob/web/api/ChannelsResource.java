package org.queuejob.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
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
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.OptionalInt;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.queuejob.application.ChannelDeletion;
import org.queuejob.application.ChannelService;
import org.queuejob.application.ChannelView;
import org.queuejob.application.FieldEdit;
import org.queuejob.web.security.Roles;

/**
 * Channels: the channel tree with live counts; a new record, settings, pause, resume and a record's deletion (in
 * effect from the commit on).
 */
@Path("channels")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "channels")
@Allowed({Roles.VIEWER, Roles.MANAGER})
@APIResponse(
        responseCode = "401",
        description = "No or wrong credentials",
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
public class ChannelsResource {

    @EJB
    ChannelService channels;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            summary = "List channels",
            description = "Configured channels and those that only have jobs, with the"
                    + " live counts of each channel's own jobs. A channel that only has jobs shows the removal"
                    + " interval the autovacuum applies to them: its nearest configured ancestor's, named in"
                    + " removalIntervalFrom.")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ChannelJson.class)))
    public List<ChannelJson> list() {
        return channels.overview().stream().map(ChannelJson::of).toList();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One channel")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ChannelJson.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such channel",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public ChannelJson get(@PathParam("name") String name) {
        return ChannelJson.of(view(name));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Roles.MANAGER)
    @Operation(
            summary = "Create a channel's record",
            description = "As the back office's New channel: the complete name (root.mail.eu, no spaces around it, the"
                    + " grammar of channel names) and its settings; absent ones are no capacity of its own"
                    + " (unlimited), not sequential, no throttle and the removal interval it has now, its nearest"
                    + " configured ancestor's. The channels between root and it need no record. A channel that only"
                    + " has jobs may be created so. Refused when it has a record already (change it with PUT), and"
                    + " with the scheduler's message when inconsistent; nothing is stored then.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location is its address",
            content = @Content(schema = @Schema(implementation = ChannelJson.class)))
    @APIResponse(
            responseCode = "400",
            description = "A name that is not a channel's complete name, a channel that has a record already, or"
                    + " inconsistent settings",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not a manager",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(
            responseCode = "409",
            description = "Another request created the same channel at the same moment; nothing was stored",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public Response create(ChannelCreateJson body) {
        if (body == null || body.name == null) {
            throw ApiException.badRequest("The body must be a JSON object with the channel's complete name in name and"
                    + " its settings, e.g. {\"name\":\"root.mail.eu\",\"capacity\":2}.");
        }
        channels.create(
                body.name,
                body.capacity == null ? OptionalInt.empty() : OptionalInt.of(body.capacity),
                Boolean.TRUE.equals(body.sequential),
                body.throttleSeconds == null ? 0 : body.throttleSeconds,
                body.removalIntervalDays == null ? OptionalInt.empty() : OptionalInt.of(body.removalIntervalDays));
        URI location = uri.getBaseUriBuilder().path("channels").path(body.name).build();
        return Response.created(location)
                .entity(ChannelJson.of(view(body.name)))
                .build();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Roles.MANAGER)
    @Operation(
            summary = "Change a channel's settings",
            description = "Creates the channel's record if it has none (starting, as the back office's dialog, from"
                    + " no capacity of its own, i.e. unlimited, not sequential, no throttle, and the removal interval"
                    + " it inherited from its nearest configured ancestor, which the autovacuum applied to it until"
                    + " then); absent fields keep their values. The name must be exactly a channel's complete name"
                    + " (root.mail, no spaces around it). Refused with the scheduler's message when inconsistent (e.g."
                    + " sequential with a capacity of 2), and then nothing changes.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ChannelJson.class)))
    @APIResponse(
            responseCode = "400",
            description = "Inconsistent settings, or a name that is not exactly a channel's",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not a manager",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(
            responseCode = "409",
            description = "Another request changed the channel at the same moment; nothing was saved",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public ChannelJson change(@PathParam("name") String name, ChannelChangeJson change) {
        if (change == null) {
            throw ApiException.badRequest("The body must be a JSON object with capacity, sequential, throttleSeconds"
                    + " or removalIntervalDays.");
        }
        // Only the fields the body gives, resolved in the service's transaction against the record as it is there:
        // a field another request changed meanwhile is kept, not written back as this request read it.
        channels.change(
                name,
                FieldEdit.given(change.capacity),
                FieldEdit.given(change.sequential),
                FieldEdit.given(change.throttleSeconds),
                FieldEdit.given(change.removalIntervalDays));
        return ChannelJson.of(view(name));
    }

    @POST
    @Path("{name}/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Roles.MANAGER)
    @Operation(
            summary = "Pause a channel",
            description = "Nothing more starts in it and below it; running jobs" + " finish.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ChannelJson.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such configured channel",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public ChannelJson pause(@PathParam("name") String name) {
        requireConfigured(name);
        channels.pause(name);
        return ChannelJson.of(view(name));
    }

    @POST
    @Path("{name}/resume")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Roles.MANAGER)
    @Operation(summary = "Resume a paused channel")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ChannelJson.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such configured channel",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public ChannelJson resume(@PathParam("name") String name) {
        requireConfigured(name);
        channels.resume(name);
        return ChannelJson.of(view(name));
    }

    @DELETE
    @Path("{name}")
    @Allowed(Roles.MANAGER)
    @Operation(
            summary = "Delete a channel's record",
            description = "Its jobs then run under its nearest configured ancestor and share its capacity, as any"
                    + " channel's without a record do, and are kept for that ancestor's removal interval; its"
                    + " sub-channels with records keep them. A channel that queue-job.channels declares (an entry of"
                    + " its own, or between root and one) keeps its record, since every start would create it again:"
                    + " it gets back what the configuration gives it (its entry's capacity, sequential and throttle,"
                    + " or unlimited for a channel it implies), no pause and the removal interval it inherits, and the"
                    + " answer is 200 with the channel. Root cannot be deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "200",
            description = "Declared by queue-job.channels: its record has the configured settings again",
            content = @Content(schema = @Schema(implementation = ChannelJson.class)))
    @APIResponse(
            responseCode = "400",
            description = "Root",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not a manager",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such channel, or one without a record",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(
            responseCode = "409",
            description = "Another request changed or deleted the record at the same moment; nothing was changed",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public Response delete(@PathParam("name") String name) {
        requireConfigured(name);
        ChannelDeletion done = channels.delete(name);
        if (done.outcome() == ChannelDeletion.Outcome.DELETED) {
            return Response.noContent().build();
        }
        return Response.ok(ChannelJson.of(view(name))).build();
    }

    private void requireConfigured(String name) {
        if (!view(name).configured()) {
            throw ApiException.notFound(
                    "Channel " + name + " has no settings of its own yet: give it some with PUT" + " first.");
        }
    }

    private ChannelView view(String name) {
        return channels.overview().stream()
                .filter(view -> view.completeName().equals(name))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("No channel named " + name + "."));
    }
}
