package org.queuejob.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.queuejob.application.BulkAction;
import org.queuejob.application.BulkActionService;
import org.queuejob.application.BulkProgress;
import org.queuejob.application.BulkRequest;
import org.queuejob.application.JobFilter;
import org.queuejob.web.security.Roles;

/** The Jobs screen's bulk actions, started in the background; their progress is polled at the returned address. */
@Path("bulk-actions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "bulk actions")
@Allowed({Roles.VIEWER, Roles.MANAGER})
@APIResponse(
        responseCode = "401",
        description = "No or wrong credentials",
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
public class BulkActionsResource {

    static final Map<String, BulkAction> ACTIONS = Map.of(
            "requeue", BulkAction.REQUEUE,
            "done", BulkAction.SET_DONE,
            "cancel", BulkAction.CANCEL,
            "priority", BulkAction.CHANGE_PRIORITY,
            "channel", BulkAction.CHANGE_CHANNEL);

    @EJB
    BulkActionService bulk;

    @Inject
    BulkActions started;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Roles.MANAGER)
    @Operation(
            summary = "Start a bulk action",
            description = "On the listed jobs or on every job matching the filter"
                    + " whose state the action applies to (others are left out), in chunks of 200 jobs per transaction, each"
                    + " job as with the single-job operation (cancel cascades, done releases children).")
    @APIResponse(
            responseCode = "202",
            description = "Started; poll 'progressUrl'",
            content = @Content(schema = @Schema(implementation = BulkStatusJson.class)))
    @APIResponse(
            responseCode = "400",
            description = "Unknown action, missing argument, neither or both of uuids and" + " filter",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not a manager",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public Response start(BulkJson request) {
        if (request == null || request.action == null) {
            throw ApiException.badRequest("The body needs an \"action\": one of " + ACTIONS.keySet() + ".");
        }
        BulkAction action = ACTIONS.get(request.action);
        if (action == null) {
            throw ApiException.badRequest(
                    "Unknown action '" + request.action + "'; use one of " + ACTIONS.keySet() + ".");
        }
        if ((request.uuids == null) == (request.filter == null)) {
            throw ApiException.badRequest("Give either \"uuids\" (the jobs to act on) or \"filter\" (every job"
                    + " matching it), not both and not neither.");
        }
        if (action == BulkAction.CHANGE_PRIORITY && request.priority == null) {
            throw ApiException.badRequest("Action 'priority' needs \"priority\": the new priority.");
        }
        if (action == BulkAction.CHANGE_CHANNEL && (request.channel == null || request.channel.isBlank())) {
            throw ApiException.badRequest("Action 'channel' needs \"channel\": the new channel.");
        }
        BulkRequest bulkRequest = new BulkRequest(action, request.priority, request.channel);
        BulkProgress progress = new BulkProgress(action);
        if (request.uuids != null) {
            if (request.uuids.contains(null)) {
                throw ApiException.badRequest("\"uuids\" cannot contain null.");
            }
            bulk.apply(bulkRequest, request.uuids, progress);
        } else {
            BulkJson.Filter f = request.filter;
            bulk.applyToMatching(
                    bulkRequest,
                    new JobFilter(
                            JobsResource.states(f.states == null ? null : java.util.List.copyOf(f.states)),
                            f.channel,
                            f.function,
                            f.createdFrom,
                            f.createdTo,
                            f.text),
                    progress);
        }
        UUID id = started.add(request.action, progress);
        URI location =
                uri.getBaseUriBuilder().path("bulk-actions").path(id.toString()).build();
        return Response.accepted(BulkStatusJson.of(id, request.action, location.toString(), progress))
                .location(location)
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "A bulk action's progress",
            description = "Kept for the last 200 actions started on this" + " server.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BulkStatusJson.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such bulk action here",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public BulkStatusJson progress(@PathParam("id") String id) {
        UUID key;
        try {
            key = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("'" + id + "' is not a bulk action id.");
        }
        BulkActions.Started action =
                started.find(key).orElseThrow(() -> ApiException.notFound("No bulk action " + id + " on this server."));
        return BulkStatusJson.of(key, action.action(), uri.getRequestUri().toString(), action.progress());
    }
}
