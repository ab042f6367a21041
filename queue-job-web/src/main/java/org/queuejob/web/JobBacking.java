package org.queuejob.web;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.queuejob.application.BulkAction;
import org.queuejob.application.JobAdminService;
import org.queuejob.application.JobFunctionService;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.web.format.GraphDrawing;
import org.queuejob.web.format.JobTexts;
import org.queuejob.web.security.ManagerOnly;
import org.queuejob.web.security.Roles;

/**
 * One job ({@code job.xhtml?uuid=...}): every field of the original's job form. An unknown or malformed uuid is
 * answered with HTTP 404 and a message naming it, not with an exception.
 */
@Named
@ViewScoped
public class JobBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String NO_SUCH_JOB = "No job with uuid %s.";
    static final String NO_UUID = "No job with uuid (none given): open a job from the job list.";

    /** Longest part of a requested uuid repeated in the not-found message. */
    static final int MAX_ECHOED_CHARS = 64;

    @Inject
    JobQueryService jobQueries;

    @Param
    private String uuid;

    /** Not serializable: read again from {@link #uuid} after deserialisation. */
    private transient QueueJob job;

    private transient boolean loaded;

    private transient List<QueueJob> graph;

    private transient List<JobQueryService.Dependency> dependencies;

    private transient Boolean noRunningServer;

    private int editPriority;
    private LocalDateTime editEta;
    private String editChannel;

    @EJB
    JobAdminService admin;

    @EJB
    JobFunctionService jobFunctions;

    /** View action: a page for a job that does not exist answers 404. */
    public void load() {
        if (getJob() == null) {
            Faces.setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        } else if (!Faces.isPostback()) {
            reload();
        }
    }

    public QueueJob getJob() {
        if (!loaded) {
            job = parse(uuid).flatMap(jobQueries::find).orElse(null);
            loaded = true;
        }
        return job;
    }

    public String getNotFoundMessage() {
        if (uuid == null || uuid.isBlank()) {
            return NO_UUID;
        }
        String asked = uuid.strip();
        return String.format(
                NO_SUCH_JOB, asked.length() > MAX_ECHOED_CHARS ? asked.substring(0, MAX_ECHOED_CHARS) + "…" : asked);
    }

    // Actions (the original's header buttons, §4.4) ---------------------------------------------------------------

    /** "Requeue Job": shown when failed, as the original; also allowed from done and cancelled by the service. */
    @ManagerOnly
    public void requeue() {
        act(() -> admin.requeue(getJob().uuid()), "Requeued.");
    }

    @ManagerOnly
    public void markDone() {
        act(() -> admin.markDone(getJob().uuid()), "Set to done.");
    }

    @ManagerOnly
    public void cancel() {
        act(() -> admin.cancel(getJob().uuid()), "Cancelled, with the jobs that depend on it.");
    }

    /** Saves the editable fields: priority, eta (empty = as soon as possible) and channel. */
    @ManagerOnly
    public void save() {
        Instant eta = editEta == null ? null : editEta.toInstant(ZoneOffset.UTC);
        act(() -> admin.reschedule(getJob().uuid(), editPriority, eta, editChannel), "Saved.");
    }

    public boolean isRequeueShown() {
        return getJob().state() == JobState.FAILED;
    }

    public boolean isSetDoneShown() {
        return BulkAction.SET_DONE.appliesTo().contains(getJob().state());
    }

    public boolean isCancelShown() {
        return BulkAction.CANCEL.appliesTo().contains(getJob().state());
    }

    /** Priority, eta and channel can be edited while no worker holds the job and it has not ended. */
    public boolean isEditable() {
        return BulkAction.CHANGE_PRIORITY.appliesTo().contains(getJob().state());
    }

    /** "Related": shown when the job's function defines an enabled related action (§4.4, F36). */
    public boolean isRelatedShown() {
        return jobFunctions.hasRelatedAction(getJob().jobFunction());
    }

    /** Opens where the related action leads, or says, in the original's words, that there is nowhere to go. */
    public void openRelated() throws java.io.IOException {
        java.util.Optional<java.net.URI> target = jobFunctions.relatedActionTarget(getJob().uuid());
        if (target.isPresent()) {
            Faces.redirect(target.get().toString());
        } else {
            Messages.addGlobalWarn(JobFunctionService.NO_ACTION);
        }
    }

    public boolean isManager() {
        return Roles.isManager();
    }

    /**
     * A waiting job whose job function no running server has (a rolling deploy, a server down): it stays pending
     * until one that has it runs, and the page says so.
     */
    public boolean isNoRunningServer() {
        if (noRunningServer == null) {
            QueueJob current = getJob();
            noRunningServer = current != null
                    && (current.state() == JobState.PENDING || current.state() == JobState.WAIT_DEPENDENCIES)
                    && jobQueries.noRunningServerHas(current.jobFunction());
        }
        return noRunningServer;
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Messages.addGlobalInfo(done);
        } catch (EJBException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            Messages.addGlobalError(cause.getMessage());
            Faces.validationFailed();
        } catch (RuntimeException e) {
            Messages.addGlobalError(e.getMessage());
            Faces.validationFailed();
        }
        reload();
    }

    private void reload() {
        loaded = false;
        graph = null;
        noRunningServer = null;
        QueueJob current = getJob();
        if (current != null) {
            editPriority = current.priority();
            editEta = current.eta() == null ? null : LocalDateTime.ofInstant(current.eta(), ZoneOffset.UTC);
            editChannel = current.channel();
        }
    }

    // Graph -------------------------------------------------------------------------------------------------------

    /** The jobs of this job's graph, oldest first; empty for a job outside a graph. */
    public List<QueueJob> getGraphJobs() {
        loadGraph();
        return graph == null ? List.of() : graph;
    }

    /** The graph drawn as SVG: nodes coloured by state, each a link to its job. Every text in it is escaped. */
    public String getGraphSvg() {
        loadGraph();
        return graph == null || graph.isEmpty()
                ? ""
                : GraphDrawing.svg(graph, dependencies, getJob().uuid(), Faces.getRequestContextPath());
    }

    private void loadGraph() {
        if (graph == null && getJob() != null && getJob().graphUuid().isPresent()) {
            UUID graphUuid = getJob().graphUuid().get();
            graph = jobQueries.graphJobs(graphUuid);
            dependencies = jobQueries.graphDependencies(graphUuid);
        }
    }

    public String getGraphUuid() {
        return getJob().graphUuid().map(UUID::toString).orElse(null);
    }

    public String getArguments() {
        return JobTexts.prettyJson(getJob().arguments());
    }

    public String getExecTimeSeconds() {
        return JobTexts.seconds(getJob().execTimeMillis());
    }

    public int getEditPriority() {
        return editPriority;
    }

    public void setEditPriority(int editPriority) {
        this.editPriority = editPriority;
    }

    public LocalDateTime getEditEta() {
        return editEta;
    }

    public void setEditEta(LocalDateTime editEta) {
        this.editEta = editEta;
    }

    public String getEditChannel() {
        return editChannel;
    }

    public void setEditChannel(String editChannel) {
        this.editChannel = editChannel;
    }

    public String simpleFunctionName(String jobFunction) {
        return JobTexts.simpleFunctionName(jobFunction);
    }

    static Optional<UUID> parse(String uuid) {
        if (uuid == null || uuid.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(uuid.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
