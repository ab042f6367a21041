package org.queuejob.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.queuejob.application.FieldEdit;
import org.queuejob.application.JobAdminService;
import org.queuejob.application.JobCursor;
import org.queuejob.application.JobKeysetQuery;
import org.queuejob.application.JobPage;
import org.queuejob.application.JobQueryService;
import org.queuejob.application.JobSubmission;
import org.queuejob.application.JobSubmissionService;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.domain.model.job.JobSort;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.domain.model.job.StoredText;
import org.queuejob.web.security.Roles;

/** Jobs: the Jobs screen's list with keyset paging, one job with its graph, the job page's actions, and enqueue. */
@Path("jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "jobs")
@Allowed({Roles.VIEWER, Roles.MANAGER})
@APIResponse(
        responseCode = "401",
        description = "No or wrong credentials",
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
public class JobsResource {

    /** The API's sort names, as the Jobs screen's columns. */
    static final Map<String, JobSort> SORTS = Map.ofEntries(
            Map.entry("created", JobSort.DATE_CREATED),
            Map.entry("done", JobSort.DATE_DONE),
            Map.entry("priority", JobSort.PRIORITY),
            Map.entry("state", JobSort.STATE),
            Map.entry("channel", JobSort.CHANNEL),
            Map.entry("description", JobSort.DESCRIPTION),
            Map.entry("function", JobSort.JOB_FUNCTION),
            Map.entry("eta", JobSort.ETA),
            Map.entry("time", JobSort.EXEC_TIME),
            Map.entry("exception", JobSort.EXCEPTION),
            Map.entry("user", JobSort.USER));

    @EJB
    JobQueryService queries;

    @EJB
    JobKeysetQuery keyset;

    @EJB
    JobAdminService admin;

    @Inject
    JobSubmissionService submissions;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            summary = "List jobs",
            description = "The Jobs screen's filters and sort columns, in keyset pages:"
                    + " pass the previous page's 'next' as 'after' (or follow 'nextUrl'). Paging by creation (the default)"
                    + " neither repeats nor skips a job while jobs change state.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobListJson.class)))
    @APIResponse(
            responseCode = "400",
            description = "A filter, sort or cursor that cannot be read",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public JobListJson list(
            @Parameter(
                            description = "States (repeat for several); none = all",
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = String.class,
                                            enumeration = {
                                                "wait_dependencies",
                                                "pending",
                                                "enqueued",
                                                "started",
                                                "done",
                                                "cancelled",
                                                "failed"
                                            }))
                    @QueryParam("state")
                    List<String> states,
            @Parameter(description = "Channel, e.g. root.mail") @QueryParam("channel") String channel,
            @Parameter(description = "Job function name") @QueryParam("function") String function,
            @Parameter(description = "Created at or after (ISO-8601 instant)") @QueryParam("createdFrom")
                    String createdFrom,
            @Parameter(description = "Created before (ISO-8601 instant)") @QueryParam("createdTo") String createdTo,
            @Parameter(description = "Text in description, job function, exception or its message") @QueryParam("q")
                    String text,
            @Parameter(description = "The server holding the jobs, by its name (a server of GET /servers)")
                    @QueryParam("worker")
                    String worker,
            @Parameter(
                            description = "Sort column",
                            schema =
                                    @Schema(
                                            enumeration = {
                                                "created",
                                                "done",
                                                "priority",
                                                "state",
                                                "channel",
                                                "description",
                                                "function",
                                                "eta",
                                                "time",
                                                "exception",
                                                "user"
                                            }))
                    @QueryParam("sort")
                    @DefaultValue("created")
                    String sort,
            @Parameter(description = "asc or desc", schema = @Schema(enumeration = {"asc", "desc"}))
                    @QueryParam("order")
                    @DefaultValue("desc")
                    String order,
            @Parameter(description = "Jobs per page, 1 to 500") @QueryParam("limit") @DefaultValue("50") String limit,
            @Parameter(description = "The previous page's 'next' cursor") @QueryParam("after") String after) {
        JobSort by = SORTS.get(sort);
        if (by == null) {
            throw ApiException.badRequest("Unknown sort '" + sort + "'; use one of "
                    + SORTS.keySet().stream().sorted().collect(Collectors.joining(", ")) + ".");
        }
        boolean ascending = switch (order.toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw ApiException.badRequest("The order is 'asc' or 'desc', not '" + order + "'.");
        };
        JobFilter filter = new JobFilter(
                states(states),
                channel,
                function,
                instant("createdFrom", createdFrom),
                instant("createdTo", createdTo),
                text,
                worker);
        JobCursor cursor = after == null || after.isBlank() ? null : JobCursor.decode(after, by, ascending);
        int size = number("limit", limit);
        if (size < 1 || size > JobQueryService.MAX_PAGE_SIZE) {
            throw ApiException.badRequest(
                    "limit is 1 to " + JobQueryService.MAX_PAGE_SIZE + " jobs per page, not " + size + ".");
        }
        JobPage page = keyset.page(filter, by, ascending, cursor, size);
        JobListJson json = new JobListJson();
        json.items = page.jobs().stream().map(JobJson::of).toList();
        if (page.next() != null) {
            json.next = page.next().encode();
            json.nextUrl = uri.getRequestUriBuilder()
                    .replaceQueryParam("after", json.next)
                    .build()
                    .toString();
        }
        return json;
    }

    @GET
    @Path("{uuid}")
    @Operation(
            summary = "One job",
            description = "Everything the job page shows: arguments, result, failure, and"
                    + " the jobs and dependencies of its graph.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobDetailJson.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such job",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public JobDetailJson get(@PathParam("uuid") String uuid) {
        return detail(find(uuid));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Roles.MANAGER)
    @Operation(
            summary = "Enqueue a job",
            description = "A call of a registered @Job method with JSON arguments,"
                    + " checked as a Java call is: an unknown function or arguments that do not fit its parameters are"
                    + " refused (400) and nothing is stored.")
    @APIResponse(
            responseCode = "201",
            description = "Stored (or the waiting job with the same identity key)",
            content = @Content(schema = @Schema(implementation = CreatedJson.class)))
    @APIResponse(
            responseCode = "400",
            description = "Unknown function or bad arguments",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not a manager",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public Response enqueue(EnqueueJson request) {
        if (request == null) {
            throw ApiException.badRequest("The body must be a JSON object with at least \"function\".");
        }
        UUID uuid = submissions.submit(new JobSubmission(
                request.function,
                request.arguments == null ? "[]" : request.arguments.toString(),
                request.priority,
                request.eta,
                request.maxRetries,
                request.description,
                request.channel,
                request.identityKey));
        URI location =
                uri.getBaseUriBuilder().path("jobs").path(uuid.toString()).build();
        return Response.created(location)
                .entity(new CreatedJson(uuid, location.toString()))
                .build();
    }

    @POST
    @Path("{uuid}/requeue")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Roles.MANAGER)
    @Operation(
            summary = "Requeue a failed job",
            description = "Back to pending with its tries at 0; its failure is" + " kept for the record.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobDetailJson.class)))
    @APIResponse(
            responseCode = "409",
            description = "The job's state does not allow it",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public JobDetailJson requeue(@PathParam("uuid") String uuid) {
        QueueJob job = find(uuid);
        admin.requeue(job.uuid());
        return detail(find(uuid));
    }

    @POST
    @Path("{uuid}/done")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Roles.MANAGER)
    @Operation(
            summary = "Set a job done",
            description = "\"Manually set to done by <user>\"; children waiting for it may start. A job running now"
                    + " has its work rolled back, and its server interrupts it within two seconds unless"
                    + " queue-job.cancel-interrupt is false for its job function.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobDetailJson.class)))
    @APIResponse(
            responseCode = "409",
            description = "The job's state does not allow it",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public JobDetailJson markDone(@PathParam("uuid") String uuid) {
        QueueJob job = find(uuid);
        admin.markDone(job.uuid());
        return detail(find(uuid));
    }

    @POST
    @Path("{uuid}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Roles.MANAGER)
    @Operation(
            summary = "Cancel a job",
            description = "\"Cancelled by <user>\", and every descendant that has not ended with it. A job running"
                    + " now has its work rolled back, and its server interrupts it within two seconds unless"
                    + " queue-job.cancel-interrupt is false for its job function.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobDetailJson.class)))
    @APIResponse(
            responseCode = "409",
            description = "The job's state does not allow it",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public JobDetailJson cancel(@PathParam("uuid") String uuid) {
        QueueJob job = find(uuid);
        admin.cancel(job.uuid());
        return detail(find(uuid));
    }

    @PATCH
    @Path("{uuid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Roles.MANAGER)
    @Operation(
            summary = "Change priority, eta or channel",
            description = "Of a job that waits or failed; absent" + " fields stay as they are.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobDetailJson.class)))
    @APIResponse(
            responseCode = "409",
            description = "The job's state does not allow it",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public JobDetailJson change(@PathParam("uuid") String uuid, JobChangeJson change) {
        QueueJob job = find(uuid);
        if (change == null) {
            throw ApiException.badRequest("The body must be a JSON object with priority, eta, clearEta or channel.");
        }
        if (change.eta != null && Boolean.TRUE.equals(change.clearEta)) {
            throw ApiException.badRequest("Give either an eta or clearEta, not both.");
        }
        if (change.channel != null && change.channel.isBlank()) {
            throw ApiException.badRequest("A channel cannot be blank.");
        }
        if (change.channel != null && !change.channel.equals(change.channel.strip())) {
            throw ApiException.badRequest("The channel '" + StoredText.prefix(change.channel, 64)
                    + "' has spaces around it: give the name alone, e.g. root.mail.");
        }
        // Only the fields the body gives: each is written in the service's transaction, the others stay as they are
        // there (not as this request read them), so that another change meanwhile is kept.
        admin.edit(
                job.uuid(),
                change.priority != null ? FieldEdit.to(change.priority) : FieldEdit.keep(),
                Boolean.TRUE.equals(change.clearEta)
                        ? FieldEdit.to(null)
                        : change.eta != null ? FieldEdit.to(change.eta) : FieldEdit.keep(),
                change.channel != null ? FieldEdit.to(change.channel) : FieldEdit.keep());
        return detail(find(uuid));
    }

    private QueueJob find(String uuid) {
        UUID id;
        try {
            id = UUID.fromString(uuid);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("'" + uuid + "' is not a job uuid.");
        }
        return queries.find(id).orElseThrow(() -> ApiException.notFound("No job with uuid " + uuid + "."));
    }

    private JobDetailJson detail(QueueJob job) {
        JobDetailJson json = JobJson.fill(new JobDetailJson(), job);
        try (JsonReader reader = Json.createReader(new StringReader(job.arguments()))) {
            json.arguments = reader.readValue();
        }
        json.result = job.result();
        json.excInfo = job.excInfo();
        json.worker = job.worker();
        json.overrun = queries.overrun(job).map(JobDetailJson.Overrun::new).orElse(null);
        json.runsTakenAway = queries.runsTakenAway(job).stream()
                .map(JobDetailJson.RunTakenAway::new)
                .toList();
        json.graphJobs = job.graphUuid()
                .map(graph -> queries.graphJobs(graph).stream().map(JobJson::of).toList())
                .orElse(List.of());
        json.dependencies = job.graphUuid()
                .map(graph -> queries.graphDependencies(graph).stream()
                        .map(d -> new JobDetailJson.Dependency(d.parent(), d.child()))
                        .toList())
                .orElse(List.of());
        return json;
    }

    static Set<JobState> states(List<String> names) {
        Set<JobState> states = new LinkedHashSet<>();
        if (names == null) {
            return states;
        }
        for (String name : names) {
            for (String one : name.split(",")) {
                if (one.isBlank()) {
                    continue;
                }
                try {
                    states.add(JobState.fromDbValue(one.strip()));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("Unknown state '" + one.strip() + "'; the states are "
                            + Arrays.stream(JobState.values())
                                    .map(JobState::dbValue)
                                    .collect(Collectors.joining(", "))
                            + ".");
                }
            }
        }
        return states;
    }

    static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(
                    parameter + " must be an ISO-8601 instant such as 2026-11-30T08:00:00Z, not '" + value + "'.");
        }
    }

    static int number(String parameter, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(parameter + " must be a whole number, not '" + value + "'.");
        }
    }
}
