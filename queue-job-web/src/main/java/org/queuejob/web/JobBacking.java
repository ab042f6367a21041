package org.queuejob.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.queuejob.application.BulkAction;
import org.queuejob.application.CancelInterrupt;
import org.queuejob.application.FieldEdit;
import org.queuejob.application.JobAdminService;
import org.queuejob.application.JobFunctionService;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.ChannelName;
import org.queuejob.domain.model.job.JobDependency;
import org.queuejob.domain.model.job.JobPriority;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.domain.model.job.StoredText;
import org.queuejob.domain.model.server.FunctionReach;
import org.queuejob.web.format.GraphDrawing;
import org.queuejob.web.format.JobTexts;
import org.queuejob.web.format.RunTexts;
import org.queuejob.web.security.ManagerOnly;
import org.queuejob.web.security.Roles;

/**
 * One job ({@code job.xhtml?uuid=...}): every field of the original's job form. An unknown or malformed uuid is
 * answered with HTTP 404 and a message naming it, not with an exception. Actions answer with a redirect to the job's
 * own address (post-redirect-get); the editable fields carry Bean Validation limits (the columns', the channel
 * grammar), refused with sentences in the page's message area; a running job's page reloads itself when it ends.
 * Viewers are shown no action.
 */
@Named
@ViewScoped
public class JobBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String NO_SUCH_JOB = "No job with uuid %s.";
    static final String NO_UUID = "No job with uuid (none given): open a job from the job list.";

    /** Longest part of a requested uuid repeated in the not-found message. */
    static final int MAX_ECHOED_CHARS = 64;

    /** Largest priority the page takes (smaller runs first; the default is 10). */
    static final int MAX_PRIORITY = JobPriority.MAX;

    static final String PRIORITY_RULE = "Priority: a whole number from 0 to 1,000,000 (smaller runs first).";
    static final String CHANNEL_REQUIRED = "Channel: a channel is required, e.g. root or root.mail.";
    /** What the date field takes: JSF's own message named neither the form nor the years (a 5-digit year, say). */
    static final String ETA_RULE =
            "Execute only after (UTC): a date and time such as 2031-05-04 03:02:00, from the year 1 to the year 9999.";

    static final String CHANNEL_TOO_LONG = "Channel: a channel name has at most 255 characters.";
    static final String CHANNEL_RULE = "Channel: use " + ChannelName.RULE + ".";

    /** A started job past its timeout: nothing interrupts it, so someone may have to. */
    static final String OVERRUN = "Running for %s, past its timeout of %s (%s): it fails when it returns, and its work"
            + " is rolled back. Nothing interrupts it; its server has logged where it waits.";

    /** A started job past its timeout that its server interrupted and that runs on: it did not hear the interrupt. */
    static final String OVERRUN_INTERRUPTED = "Running for %s, past its timeout of %s (%s): it fails when it returns,"
            + " and its work is rolled back. Its server interrupted it (%s is true) but it runs on, busy or waiting"
            + " where interrupts are not heard; its server has logged where it waits.";

    /** Said after a cancel or set done of a job a server held: its run, if its method runs, is interrupted. */
    static final String RUN_INTERRUPTED = " If its method is running, its server interrupts it within two seconds (%s"
            + " is true); its work is rolled back.";

    /** The same, for a job function whose runs are not interrupted. */
    static final String RUN_GOES_ON =
            " If its method is running, it runs on until it returns (%s is false), keeping its channel's slot; its"
                    + " work is then rolled back.";

    static final String NO_RUNNING_SERVER = "No running server has this job function.";

    static final String ONLY_QUIET_SERVERS =
            "Only quiet servers have this job function: it waits until one of them resumes.";

    static final String MOVED_ON = "This job changed while the page was open: it is now %s. Nothing was done: look at"
            + " it again before choosing.";

    /** The job page's own address, kept after every action (post-redirect-get). */
    static final String SELF = "job.xhtml?uuid=%s";

    @Inject
    JobQueryService jobQueries;

    @Param
    private String uuid;

    /** Not serializable: read again from {@link #uuid} after deserialisation. */
    private transient QueueJob job;

    private transient boolean loaded;

    private transient List<QueueJob> graph;

    private transient List<JobDependency> dependencies;

    /** The state the page was drawn with: a poll of a running job reloads the page once it has changed. */
    private JobState shownState;

    private int shownRetry;

    @NotNull(message = PRIORITY_RULE)
    @Min(value = 0, message = PRIORITY_RULE)
    @Max(value = MAX_PRIORITY, message = PRIORITY_RULE)
    private Integer editPriority;

    /** Why the shown job cannot start now, once looked up: empty when it can, or does not wait. */
    private transient Optional<String> unreachable;

    private LocalDateTime editEta;

    /** The editable fields as the form was loaded with them: a save writes only those changed since. */
    private Integer shownPriority;

    private Instant shownEta;

    private String shownChannel;

    @NotBlank(message = CHANNEL_REQUIRED)
    @Size(max = ChannelName.MAX_LENGTH, message = CHANNEL_TOO_LONG)
    @Pattern(regexp = ChannelName.PATTERN, message = CHANNEL_RULE)
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
            job = readNow().orElse(null);
            loaded = true;
        }
        return job;
    }

    /** The page's poll: the job is read again, for its state and progress while it waits or runs. */
    public void refresh() {
        // A new state or try: the whole page (actions, result, exception) is another, so it is loaded again; else
        // only the progress is redrawn.
        checkRunning();
        loaded = false;
    }

    /** Why a running job needs someone's eye ({@link #OVERRUN}); null while it is within its timeout. */
    public String getOverrun() {
        QueueJob current = getJob();
        return current == null
                ? null
                : jobQueries
                        .overrun(current)
                        .map(over -> String.format(
                                over.interrupted() ? OVERRUN_INTERRUPTED : OVERRUN,
                                RunTexts.duration(over.ranFor()),
                                RunTexts.duration(over.timeout()),
                                over.setting(),
                                over.interruptSetting()))
                        .orElse(null);
    }

    /** Whether the job may still change by itself (waiting or running): the page follows it then. */
    public boolean isLive() {
        QueueJob current = getJob();
        return current != null && !current.state().isFinal() && current.state() != JobState.FAILED;
    }

    public String getNotFoundMessage() {
        if (uuid == null || uuid.isBlank()) {
            return NO_UUID;
        }
        String asked = uuid.strip();
        return String.format(
                NO_SUCH_JOB,
                asked.length() > MAX_ECHOED_CHARS ? StoredText.prefix(asked, MAX_ECHOED_CHARS) + "…" : asked);
    }

    // Actions (the original's header buttons, §4.4) ---------------------------------------------------------------

    /** "Requeue Job": shown when failed, as the original; also allowed from done and cancelled by the service. */
    @ManagerOnly
    public void requeue() {
        actOnShownState(() -> admin.requeue(getJob().uuid()), "Requeued.");
    }

    @ManagerOnly
    public void markDone() {
        actOnShownState(() -> admin.markDone(getJob().uuid()), "Set to done." + ifRunning());
    }

    @ManagerOnly
    public void cancel() {
        actOnShownState(
                () -> admin.cancel(getJob().uuid()), "Cancelled, with the jobs that depend on it." + ifRunning());
    }

    /** What becomes of the run of a job a server holds (the page shows it enqueued or started), if any. */
    private String ifRunning() {
        return isRunning() ? whatBecomesOfItsRun(jobQueries.cancelInterrupt(getJob().jobFunction())) : "";
    }

    static String whatBecomesOfItsRun(CancelInterrupt interrupt) {
        return String.format(interrupt.interrupts() ? RUN_INTERRUPTED : RUN_GOES_ON, interrupt.setting());
    }

    /**
     * Saves the editable fields: priority, eta (empty = as soon as possible) and channel. Only those changed in the
     * form are written (each compared with what the page showed), so that a field left alone keeps its stored value,
     * to the fraction of a second, and another person's change to it meanwhile; a field changed here that someone
     * else changed meanwhile refuses the save ({@link FieldEdit}).
     */
    @ManagerOnly
    public void save() {
        FieldEdit<Integer> priority = FieldEdit.from(shownPriority, editPriority);
        FieldEdit<Instant> eta = FieldEdit.from(shownEta, typedEta(editEta, shownEta));
        FieldEdit<String> channel = FieldEdit.from(shownChannel, completeChannel(editChannel));
        act(() -> admin.edit(getJob().uuid(), priority, eta, channel), "Saved.");
    }

    /** The eta in the field, as an instant: the stored one when the field still shows it (to the second). */
    static Instant typedEta(LocalDateTime field, Instant shownEta) {
        if (field == null) {
            return null;
        }
        if (shownEta != null && field.equals(shown(shownEta))) {
            return shownEta;
        }
        return field.toInstant(ZoneOffset.UTC);
    }

    /** The eta as the date field shows it: UTC, to the second (its pattern has no fractions). */
    static LocalDateTime shown(Instant eta) {
        return LocalDateTime.ofInstant(eta, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The channel as stored ({@code mail} is {@code root.mail}), for the comparison with the one shown. */
    static String completeChannel(String typed) {
        try {
            return ChannelName.normalize(typed);
        } catch (IllegalArgumentException e) {
            // Refused by the service with the grammar's sentence: passed on as typed.
            return typed;
        }
    }

    /** Viewers are shown no action at all (the server refuses them anyway: {@link ManagerOnly}). */
    public boolean isRequeueShown() {
        return isManager() && getJob().state() == JobState.FAILED;
    }

    public boolean isSetDoneShown() {
        return isManager() && BulkAction.SET_DONE.appliesTo().contains(getJob().state());
    }

    public boolean isCancelShown() {
        return isManager() && BulkAction.CANCEL.appliesTo().contains(getJob().state());
    }

    /** Priority, eta and channel can be edited by a manager while no worker holds the job and it has not ended. */
    public boolean isEditable() {
        return isManager() && BulkAction.CHANGE_PRIORITY.appliesTo().contains(getJob().state());
    }

    /** A worker holds the job: the page looks again every few seconds, and reloads once the job has moved on. */
    public boolean isRunning() {
        JobState state = getJob().state();
        return state == JobState.ENQUEUED || state == JobState.STARTED;
    }

    /** The job as the database has it now (this view keeps the one the page was drawn with: {@link #getJob}). */
    private Optional<QueueJob> readNow() {
        return parse(uuid).flatMap(jobQueries::find);
    }

    /** The poll of a live job's page: reloads it (a GET of its own address) when the job has changed. */
    public void checkRunning() {
        Optional<QueueJob> now = readNow();
        if (now.isEmpty() || now.get().state() != shownState || now.get().retry() != shownRetry) {
            Faces.redirect(SELF, uuid.strip());
        }
    }

    /**
     * The exception section, as the original's: for the failure the job has now. A job that succeeded after failing
     * keeps only its last message (the original clears the exception and its stack trace on done and on a retry).
     */
    public boolean isExceptionShown() {
        QueueJob shown = getJob();
        return shown.state() == JobState.FAILED || !blank(shown.excName()) || !blank(shown.excInfo());
    }

    /** The stack trace box, only when there is a stack trace ("Max. retries reached" failures have none). */
    public boolean isStackTraceShown() {
        return !blank(getJob().excInfo());
    }

    /**
     * Whether the actions card has anything to show: a viewer's read-only hint, a button or the edit fields. A manager
     * looking at a done job without a related action has nothing there; the card is then hidden, unless it carries
     * a message (an action refused because the job moved on since the page was drawn).
     */
    public boolean isActionsShown() {
        return !isManager()
                || isRequeueShown()
                || isSetDoneShown()
                || isCancelShown()
                || isEditable()
                || isRelatedShown();
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
     * Why a waiting job cannot start now, when no running server taking jobs has its job function (a rolling deploy,
     * a server down, or only quiet servers have it): it stays pending until one that has it runs or resumes, and the
     * page says so. Null when nothing stands in its way there.
     */
    public String getUnreachable() {
        if (unreachable == null) {
            QueueJob current = getJob();
            unreachable = current != null
                            && (current.state() == JobState.PENDING || current.state() == JobState.WAIT_DEPENDENCIES)
                    ? unreachable(jobQueries.reachOf(current.jobFunction()))
                    : Optional.empty();
        }
        return unreachable.orElse(null);
    }

    static Optional<String> unreachable(FunctionReach reach) {
        if (reach.runnable()) {
            return Optional.empty();
        }
        return Optional.of(reach.onlyQuiet() ? ONLY_QUIET_SERVERS : NO_RUNNING_SERVER);
    }

    /**
     * A state action applies to the state the page showed, or not at all: a click meant for a failed job must not
     * requeue it once someone else has set it done (the service allows a requeue from done too, as the original's
     * wizard does, and this view still holds the job as it was drawn). The page then shows the job as it is now.
     */
    private void actOnShownState(Runnable action, String done) {
        Optional<QueueJob> now = readNow();
        if (now.isPresent() && shownState != null && now.get().state() != shownState) {
            Refusals.error(
                    null, String.format(MOVED_ON, now.get().state().label().toLowerCase(Locale.ROOT)));
            reload();
            return;
        }
        act(action, done);
    }

    /**
     * Runs an action. Done: post-redirect-get to the job's own address, the message carried by the flash, so that the
     * address keeps its uuid and a reload does not post again. Refused: the page stays, with the sentence.
     */
    private void act(Runnable action, String done) {
        try {
            action.run();
        } catch (RuntimeException e) {
            Refusals.show(e);
            reload();
            return;
        }
        Faces.getFlash().setKeepMessages(true);
        Refusals.info(null, done);
        Faces.redirect(SELF, getJob().uuid().toString());
    }

    private void reload() {
        loaded = false;
        graph = null;
        unreachable = null;
        QueueJob current = getJob();
        if (current != null) {
            shownState = current.state();
            shownRetry = current.retry();
            shownPriority = current.priority();
            shownEta = current.eta();
            shownChannel = current.channel();
            editPriority = current.priority();
            editEta = current.eta() == null ? null : shown(current.eta());
            editChannel = current.channel();
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
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

    public List<String> getJobFunctionParts() {
        return JobTexts.dottedParts(getJob().jobFunction());
    }

    public String getExecTimeSeconds() {
        return JobTexts.seconds(getJob().execTimeMillis());
    }

    public Integer getEditPriority() {
        return editPriority;
    }

    public void setEditPriority(Integer editPriority) {
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

    public String getPriorityRule() {
        return PRIORITY_RULE;
    }

    public String getEtaRule() {
        return ETA_RULE;
    }

    public String getChannelRequired() {
        return CHANNEL_REQUIRED;
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
