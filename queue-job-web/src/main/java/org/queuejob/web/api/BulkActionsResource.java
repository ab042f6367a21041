package org.queuejob.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.queuejob.application.BulkAction;
import org.queuejob.application.BulkActionService;
import org.queuejob.application.BulkRequest;
import org.queuejob.application.InvalidSettingException;
import org.queuejob.domain.model.bulk.BulkActionRun;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.web.BulkActionView;
import org.queuejob.web.security.Roles;

/**
 * The Jobs screen's bulk actions, run as Jakarta Batch jobs and recorded in the database: any server answers for any
 * action, before and after a restart. Stop and resume as on the Bulk actions screen.
 */
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

    /** Most actions one list answers. */
    static final int MAX_LIST = 200;

    @Inject
    BulkActionService bulk;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Roles.MANAGER)
    @Operation(
            summary = "Start a bulk action",
            description = "On the listed jobs or on every job matching the filter whose state the action applies to"
                    + " (others are left out), as a batch job on the server: chunks of 200 jobs per transaction"
                    + " (queue-job.bulk.chunk-size), each job as with the single-job operation (cancel cascades, done"
                    + " releases children). It survives a restart: it resumes from its last chunk.")
    @APIResponse(
            responseCode = "202",
            description = "Started; poll 'progressUrl'",
            content = @Content(schema = @Schema(implementation = BulkStatusJson.class)))
    @APIResponse(
            responseCode = "400",
            description = "Unknown action, missing argument, neither or both of uuids and filter",
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
        String user = security.getUserPrincipal().getName();
        BulkActionRun run;
        if (request.uuids != null) {
            if (request.uuids.contains(null)) {
                throw ApiException.badRequest("\"uuids\" cannot contain null.");
            }
            if (request.uuids.isEmpty()) {
                throw ApiException.badRequest("\"uuids\" is empty: list the jobs to act on.");
            }
            run = bulk.startOnUuids(bulkRequest, request.uuids, user);
        } else {
            BulkJson.Filter f = request.filter;
            run = bulk.startOnMatching(
                    bulkRequest,
                    new JobFilter(
                            JobsResource.states(f.states == null ? null : List.copyOf(f.states)),
                            f.channel,
                            f.function,
                            f.createdFrom,
                            f.createdTo,
                            f.text,
                            f.worker),
                    user);
        }
        URI location = address(run.id());
        return Response.accepted(BulkStatusJson.of(new BulkActionView(run, bulk.now()), location.toString()))
                .location(location)
                .build();
    }

    @GET
    @Operation(summary = "The latest bulk actions", description = "Newest first, from any server.")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = BulkStatusJson.class, type = SchemaType.ARRAY)))
    public List<BulkStatusJson> list(@QueryParam("limit") @DefaultValue("20") String limitText) {
        // Taken as text: the server answers a number it cannot read with a bare 404 (JAX-RS's rule for query
        // parameters), where this says what is wrong.
        int limit = JobsResource.number("limit", limitText);
        if (limit < 1 || limit > MAX_LIST) {
            throw ApiException.badRequest("'limit' is 1 to " + MAX_LIST + ", not " + limit + ".");
        }
        Instant now = bulk.now();
        return bulk.latest(limit).stream()
                .map(run -> BulkStatusJson.of(
                        new BulkActionView(run, now), address(run.id()).toString()))
                .toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A bulk action's progress", description = "Read from the database: any server answers.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BulkStatusJson.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such bulk action",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public BulkStatusJson progress(@PathParam("id") String id) {
        BulkActionRun run = existing(id);
        return BulkStatusJson.of(
                new BulkActionView(run, bulk.now()), address(run.id()).toString());
    }

    @POST
    @Path("{id}/stop")
    @Allowed(Roles.MANAGER)
    @Operation(summary = "Stop a running bulk action", description = "After its current chunk, wherever it runs.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BulkStatusJson.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not running",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public BulkStatusJson stop(@PathParam("id") String id) {
        long key = existing(id).id();
        return status(conflictIfRefused(() -> bulk.stop(key)));
    }

    @POST
    @Path("{id}/resume")
    @Allowed(Roles.MANAGER)
    @Operation(
            summary = "Resume a stopped or failed bulk action",
            description = "On this server, right after the last job it changed.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BulkStatusJson.class)))
    @APIResponse(
            responseCode = "409",
            description = "Neither stopped nor failed",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public BulkStatusJson resume(@PathParam("id") String id) {
        long key = existing(id).id();
        return status(conflictIfRefused(() -> bulk.resume(key)));
    }

    /** The API's name of an action ("requeue"), from its stored name ("REQUEUE"). */
    static String apiName(String stored) {
        return ACTIONS.entrySet().stream()
                .filter(entry -> entry.getValue().name().equals(stored))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(stored);
    }

    private BulkActionRun existing(String id) {
        Optional<BulkActionRun> run;
        try {
            run = bulk.find(Long.parseLong(id));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("'" + id + "' is not a bulk action number.");
        }
        return run.orElseThrow(() -> ApiException.notFound("There is no bulk action " + id + "."));
    }

    private BulkStatusJson status(BulkActionRun run) {
        return BulkStatusJson.of(
                new BulkActionView(run, bulk.now()), address(run.id()).toString());
    }

    private URI address(long id) {
        return uri.getBaseUriBuilder()
                .path("bulk-actions")
                .path(String.valueOf(id))
                .build();
    }

    private static BulkActionRun conflictIfRefused(java.util.function.Supplier<BulkActionRun> change) {
        try {
            return change.get();
        } catch (InvalidSettingException e) {
            throw new ApiException(409, e.getMessage());
        }
    }
}
