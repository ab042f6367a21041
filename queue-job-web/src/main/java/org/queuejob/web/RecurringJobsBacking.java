package org.queuejob.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.omnifaces.util.Faces;
import org.primefaces.PrimeFaces;
import org.queuejob.application.RecurringJobRequest;
import org.queuejob.application.RecurringJobService;
import org.queuejob.application.RecurringJobView;
import org.queuejob.domain.model.recurring.MissedTicks;
import org.queuejob.domain.model.recurring.RecurringJob;
import org.queuejob.web.format.JobTexts;
import org.queuejob.web.security.ManagerOnly;
import org.queuejob.web.security.Roles;

/**
 * The recurring jobs ({@code recurring-jobs.xhtml}): each with its schedule, next run and last run (a link to the job),
 * refreshed every 5 seconds; managers create and edit the ones made here, and enable, disable and run any of them now.
 * A malformed cron expression, an unknown zone or arguments that do not fit the job function are refused with a
 * sentence naming them, and nothing is saved.
 */
@Named
@ViewScoped
public class RecurringJobsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String CREATED = "Recurring job %s created.";
    static final String SAVED = "Recurring job %s saved.";
    static final String ENABLED = "Recurring job %s enabled: it runs next at its next tick.";
    static final String DISABLED = "Recurring job %s disabled: it enqueues nothing until enabled again.";
    static final String RAN = "Recurring job %s: job %s enqueued now.";
    static final String DELETED = "Recurring job %s deleted.";
    static final String GONE =
            "That recurring job no longer exists: someone deleted it meanwhile. Nothing was changed.";

    /**
     * The request parameter that names the row a button was pressed on, by the record's id rendered into the button.
     * Not the row's place: a refresh (every 5 s, or while a confirmation is open) may have given that place to
     * another record since the page was drawn, and a button resolved by place acted on that other record (a delete
     * confirmed after a record was added above deleted the wrong one).
     */
    static final String ROW = "recurringId";

    static final String NAME_TOO_LONG = "Name: at most " + RecurringJob.MAX_NAME_LENGTH + " characters.";
    static final String PRIORITY_RULE =
            "Priority: a whole number from 0 to 1,000,000 (smaller runs first), or empty for the job function's.";
    static final String ARGUMENTS_TOO_LONG = "Arguments: at most 10,000 characters of JSON.";

    /** Where the dialog's refusals go: its own message area lists them, above the dialog's overlay. */
    static final String DIALOG_MESSAGES = "recurringDialogForm:saveRecurring";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Inject
    RecurringJobService recurring;

    private transient List<RecurringJobView> jobs;

    /** The record being edited; null when a new one is being written. */
    private Long editId;

    /** The record as the dialog was opened with it: a save writes only the fields changed since. */
    private RecurringJobView shown;

    @Size(max = RecurringJob.MAX_NAME_LENGTH, message = NAME_TOO_LONG)
    private String editName;

    private String editCron;
    private String editZone;
    private String editJobFunction;

    @Size(max = 10_000, message = ARGUMENTS_TOO_LONG)
    private String editArguments;

    private String editChannel;

    @Min(value = 0, message = PRIORITY_RULE)
    @Max(value = 1_000_000, message = PRIORITY_RULE)
    private Integer editPriority;

    private MissedTicks editMissed = MissedTicks.SKIP;
    private boolean editEnabled = true;

    /** Off (the default): a tick enqueues nothing while the previous run has not ended. */
    private boolean editAllowOverlap;

    public List<RecurringJobView> getJobs() {
        if (jobs == null) {
            jobs = recurring.list();
        }
        return jobs;
    }

    /** The poll: next and last runs are read again. */
    public void refresh() {
        jobs = null;
    }

    public List<String> getJobFunctions() {
        return recurring.jobFunctionNames();
    }

    public MissedTicks[] getMissedPolicies() {
        return MissedTicks.values();
    }

    /** A new recurring job: an empty form with the defaults. */
    public void startNew() {
        editId = null;
        shown = null;
        editName = null;
        editCron = "0 0 * * * *";
        editZone = "UTC";
        editJobFunction = null;
        editArguments = "[]";
        editChannel = null;
        editPriority = null;
        editMissed = MissedTicks.SKIP;
        editEnabled = true;
        editAllowOverlap = false;
    }

    /** Opens the form on the row's record, as it is now; only when it still exists (callback parameter {@code found}). */
    public void edit() {
        pressed().ifPresent(job -> {
            try {
                recurring.requireEditable(job);
            } catch (RuntimeException e) {
                Refusals.show(e);
                return;
            }
            editId = job.id();
            shown = job;
            editName = job.name();
            editCron = job.cron();
            editZone = job.zone();
            editJobFunction = job.jobFunction();
            editArguments = job.argumentsJson();
            editChannel = job.channel();
            editPriority = job.priority();
            editMissed = job.missed();
            editEnabled = job.enabled();
            editAllowOverlap = job.allowOverlap();
            PrimeFaces.current().ajax().addCallbackParam("found", true);
        });
    }

    /**
     * The form's fields, with those a browser sends back other than shown though nobody touched them taken as shown:
     * an empty text field for no channel, a text area's line ends as CR LF.
     */
    private RecurringJobRequest asShown(RecurringJobRequest typed) {
        return new RecurringJobRequest(
                typed.name(),
                typed.cron(),
                typed.zone(),
                typed.jobFunction(),
                sameText(shown.argumentsJson(), typed.argumentsJson()) ? shown.argumentsJson() : typed.argumentsJson(),
                sameText(shown.channel(), typed.channel()) ? shown.channel() : typed.channel(),
                typed.priority(),
                typed.missed(),
                typed.enabled(),
                typed.allowOverlap());
    }

    static boolean sameText(String shown, String typed) {
        String a = shown == null ? "" : shown.replace("\r\n", "\n");
        String b = typed == null ? "" : typed.replace("\r\n", "\n");
        return a.equals(b);
    }

    /** The record of the row whose button was pressed ({@link #ROW}); empty, with a message, when it is gone. */
    private Optional<RecurringJobView> pressed() {
        Optional<RecurringJobView> job;
        try {
            job = recurring.find(Long.parseLong(String.valueOf(Faces.getRequestParameter(ROW))));
        } catch (NumberFormatException e) {
            job = Optional.empty();
        }
        if (job.isEmpty()) {
            Refusals.error(null, GONE);
            jobs = null;
        }
        return job;
    }

    @ManagerOnly
    public void save() {
        RecurringJobRequest request = new RecurringJobRequest(
                editName,
                editCron,
                editZone,
                editJobFunction,
                editArguments,
                editChannel,
                editPriority,
                editMissed,
                editEnabled,
                editAllowOverlap);
        try {
            if (editId == null) {
                recurring.create(request);
                Refusals.info(null, String.format(CREATED, editName.strip()));
            } else {
                recurring.edit(editId, shown, asShown(request));
                Refusals.info(null, String.format(SAVED, editName));
            }
            Faces.getContext().getPartialViewContext().getEvalScripts().add("PF('recurringDialog').hide()");
        } catch (RuntimeException e) {
            Refusals.showOn(DIALOG_MESSAGES, e);
        } finally {
            jobs = null;
        }
    }

    @ManagerOnly
    public void enable() {
        pressed().ifPresent(job -> act(() -> recurring.enable(job.id()), String.format(ENABLED, job.name())));
    }

    @ManagerOnly
    public void disable() {
        pressed().ifPresent(job -> act(() -> recurring.disable(job.id()), String.format(DISABLED, job.name())));
    }

    @ManagerOnly
    public void runNow() {
        pressed().ifPresent(job -> {
            try {
                UUID uuid = recurring.runNow(job.id(), Faces.getRemoteUser());
                Refusals.info(null, String.format(RAN, job.name(), uuid));
            } catch (RuntimeException e) {
                Refusals.show(e);
            } finally {
                jobs = null;
            }
        });
    }

    @ManagerOnly
    public void delete() {
        pressed().ifPresent(job -> act(() -> recurring.delete(job.id()), String.format(DELETED, job.name())));
    }

    private void act(Runnable action, String done) {
        try {
            Refusals.act(action, done);
        } finally {
            jobs = null;
        }
    }

    public boolean isManager() {
        return Roles.isManager();
    }

    public boolean isEditingNew() {
        return editId == null;
    }

    /** The next run in the record's own zone, e.g. {@code 2026-06-01 04:00 Europe/Brussels}; empty without one. */
    public String localNextRun(RecurringJobView job) {
        return job.nextRun() == null
                ? ""
                : LOCAL.format(job.nextRun().atZone(ZoneId.of(job.zone()))) + " " + job.zone();
    }

    /** The last run: its tick, or when it was run by hand, in UTC like every instant of the back office. */
    public String lastRun(RecurringJobView job) {
        Instant at = job.lastTick() != null ? job.lastTick() : job.lastRunAt();
        return at == null ? "" : UTC.format(at);
    }

    public String simpleFunctionName(String name) {
        return JobTexts.simpleFunctionName(name);
    }

    /** Why there is no next run: disabled, or the expression fires no more. */
    public String noNextRun(RecurringJobView job) {
        return job.enabled() ? "never again" : "disabled";
    }

    public String getPriorityRule() {
        return PRIORITY_RULE;
    }

    public Long getEditId() {
        return editId;
    }

    public String getEditName() {
        return editName;
    }

    public void setEditName(String editName) {
        this.editName = editName;
    }

    public String getEditCron() {
        return editCron;
    }

    public void setEditCron(String editCron) {
        this.editCron = editCron;
    }

    public String getEditZone() {
        return editZone;
    }

    public void setEditZone(String editZone) {
        this.editZone = editZone;
    }

    public String getEditJobFunction() {
        return editJobFunction;
    }

    public void setEditJobFunction(String editJobFunction) {
        this.editJobFunction = editJobFunction;
    }

    public String getEditArguments() {
        return editArguments;
    }

    public void setEditArguments(String editArguments) {
        this.editArguments = editArguments;
    }

    public String getEditChannel() {
        return editChannel;
    }

    public void setEditChannel(String editChannel) {
        this.editChannel = editChannel;
    }

    public Integer getEditPriority() {
        return editPriority;
    }

    public void setEditPriority(Integer editPriority) {
        this.editPriority = editPriority;
    }

    public MissedTicks getEditMissed() {
        return editMissed;
    }

    public void setEditMissed(MissedTicks editMissed) {
        this.editMissed = editMissed;
    }

    public boolean isEditEnabled() {
        return editEnabled;
    }

    public void setEditEnabled(boolean editEnabled) {
        this.editEnabled = editEnabled;
    }

    public boolean isEditAllowOverlap() {
        return editAllowOverlap;
    }

    public void setEditAllowOverlap(boolean editAllowOverlap) {
        this.editAllowOverlap = editAllowOverlap;
    }
}
