package org.queuejob.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.omnifaces.util.Faces;
import org.queuejob.application.FieldEdit;
import org.queuejob.application.JobFunctionService;
import org.queuejob.application.JobFunctionView;
import org.queuejob.domain.model.job.ChannelName;
import org.queuejob.domain.model.server.FunctionReach;
import org.queuejob.web.format.JobTexts;
import org.queuejob.web.security.ManagerOnly;
import org.queuejob.web.security.Roles;

/**
 * The job functions ({@code job-functions.xhtml}, the original's "Job Functions" menu, §4.8): list (name, channel,
 * retry pattern, related action) and edit (channel, retry pattern, related action; blank restores the code's
 * default). A malformed value is refused with the original's message and nothing changes.
 */
@Named
@ViewScoped
public class JobFunctionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String SAVED = "Job function %s saved.";

    /** Only quiet servers have it: {@code %d} of them. */
    static final String ONLY_QUIET = "Only %d quiet: its jobs wait";

    static final String NONE_RUNNING = "None running: its jobs wait";

    @EJB
    JobFunctionService jobFunctions;

    private transient List<JobFunctionView> functions;

    /** Longest retry pattern or related action taken (a pattern of a few dozen entries is already long). */
    static final int MAX_TEXT = 2_000;

    static final String CHANNEL_TOO_LONG = "Channel: a channel name has at most 255 characters.";
    static final String CHANNEL_RULE =
            "Channel: use " + ChannelName.RULE + ", or leave it empty for the code's" + " default.";
    static final String PATTERN_TOO_LONG = "Retry pattern: at most 2,000 characters.";
    static final String ACTION_TOO_LONG = "Related action: at most 2,000 characters.";

    /** Where the dialog's refusals go: its own message area lists them, above the dialog's overlay. */
    static final String DIALOG_MESSAGES = "functionDialogForm:saveFunction";

    private String editName;

    /** The fields as the dialog was opened with them: a save writes only those changed since. */
    private String shownChannel;

    private String shownRetryPattern;

    private String shownRelatedAction;

    @Size(max = ChannelName.MAX_LENGTH, message = CHANNEL_TOO_LONG)
    @Pattern(regexp = ChannelName.PATTERN, message = CHANNEL_RULE)
    private String editChannel;

    @Size(max = MAX_TEXT, message = PATTERN_TOO_LONG)
    private String editRetryPattern;

    @Size(max = MAX_TEXT, message = ACTION_TOO_LONG)
    private String editRelatedAction;

    /**
     * A list of the page's own: the table's Name and Channel columns sort, and PrimeFaces sorts the list it is given in
     * place; the service's is unmodifiable, and a click on a header opened the error page.
     */
    public List<JobFunctionView> getFunctions() {
        if (functions == null) {
            functions = new ArrayList<>(jobFunctions.list());
        }
        return functions;
    }

    public void edit(JobFunctionView function) {
        shownChannel = function.editedChannel();
        shownRetryPattern = function.editedRetryPattern();
        shownRelatedAction = function.editedRelatedAction();
        editName = function.name();
        editChannel = function.editedChannel();
        editRetryPattern = function.editedRetryPattern();
        editRelatedAction = function.editedRelatedAction();
    }

    @ManagerOnly
    public void save() {
        try {
            saveChanged();
            Refusals.info(null, String.format(SAVED, editName));
            Faces.getContext().getPartialViewContext().getEvalScripts().add("PF('functionDialog').hide()");
        } catch (RuntimeException e) {
            Refusals.showOn(DIALOG_MESSAGES, e);
        } finally {
            functions = null;
        }
    }

    /**
     * Writes the fields changed in the dialog, the others as the function has them when the service saves
     * ({@link FieldEdit}): another person's change to another field is kept, and one to a field changed here refuses
     * the save.
     */
    private void saveChanged() {
        jobFunctions.edit(
                editName,
                FieldEdit.from(blankAsNull(shownChannel), blankAsNull(editChannel)),
                FieldEdit.from(blankAsNull(shownRetryPattern), blankAsNull(editRetryPattern)),
                FieldEdit.from(blankAsNull(shownRelatedAction), blankAsNull(editRelatedAction)));
    }

    /** An empty field and no value are the same to the service (the code's default), and to the comparison. */
    static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The function's name in parts that each end at a dot: the page lets a long name break there. */
    public List<String> nameParts(JobFunctionView function) {
        return JobTexts.dottedParts(function.name());
    }

    /**
     * Which running servers can run {@code function} now, in words: how many take jobs (and how many more are quiet),
     * or why its jobs wait.
     */
    public String servers(JobFunctionView function) {
        return servers(function.reach());
    }

    static String servers(FunctionReach reach) {
        if (reach.runnable()) {
            return count(reach.takingJobs(), "server") + (reach.quiet() > 0 ? ", and " + reach.quiet() + " quiet" : "");
        }
        return reach.onlyQuiet() ? String.format(ONLY_QUIET, reach.quiet()) : NONE_RUNNING;
    }

    /** Whether no running server taking jobs has {@code function}: its jobs wait, and the cell says so in colour. */
    public boolean waits(JobFunctionView function) {
        return !function.reach().runnable();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    public boolean isManager() {
        return Roles.isManager();
    }

    public String simpleFunctionName(String name) {
        return JobTexts.simpleFunctionName(name);
    }

    public String getEditName() {
        return editName;
    }

    public String getEditChannel() {
        return editChannel;
    }

    public void setEditChannel(String editChannel) {
        this.editChannel = editChannel;
    }

    public String getEditRetryPattern() {
        return editRetryPattern;
    }

    public void setEditRetryPattern(String editRetryPattern) {
        this.editRetryPattern = editRetryPattern;
    }

    public String getEditRelatedAction() {
        return editRelatedAction;
    }

    public void setEditRelatedAction(String editRelatedAction) {
        this.editRelatedAction = editRelatedAction;
    }
}
