package org.queuejob.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.queuejob.application.BulkAction;
import org.queuejob.application.BulkActionService;
import org.queuejob.application.BulkRequest;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.bulk.BulkActionRun;
import org.queuejob.domain.model.job.ChannelName;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.web.security.ManagerOnly;

/**
 * Bulk actions from the job list ({@code jobs.xhtml}): on the rows ticked in its table ({@link JobSelectionBacking}),
 * or on every job its filters match ({@link JobsBacking}). A dialog asks to confirm with the number of jobs the action
 * would change, starts the action in the background and follows its record until it ends.
 */
@Named
@ViewScoped
public class JobsBulkBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String BULK_STARTED = "Bulk action %d started: %s of %d jobs; the Bulk actions screen follows it too.";
    static final String BULK_FINISHED = "%s: %s";
    static final String NOTHING_SELECTED = "Select jobs first, or act on all jobs matching the filters.";

    /** Where the bulk dialog's refusals go: its own message area lists them, above the dialog's overlay. */
    static final String DIALOG_MESSAGES = "bulkForm:bulkConfirm";

    @Inject
    JobsBacking list;

    @Inject
    JobSelectionBacking selection;

    @Inject
    JobGroupsBacking groups;

    @Inject
    JobQueryService jobQueries;

    @Inject
    BulkActionService bulkActions;

    /** The bulk action being confirmed or running. */
    private BulkAction bulkAction;

    private boolean bulkOnAllMatching;

    @Min(value = 0, message = JobBacking.PRIORITY_RULE)
    @Max(value = JobBacking.MAX_PRIORITY, message = JobBacking.PRIORITY_RULE)
    private Integer bulkPriority;

    @Size(max = ChannelName.MAX_LENGTH, message = JobBacking.CHANNEL_TOO_LONG)
    @Pattern(regexp = ChannelName.PATTERN, message = JobBacking.CHANNEL_RULE)
    private String bulkChannel;

    private long bulkCount;

    /** How many rows were selected when the confirmation opened (0 for the jobs matching the filters). */
    private long bulkSelected;

    /** The selected jobs the action does not apply to, by state. */
    private EnumMap<JobState, Long> bulkLeftOut;

    /** The bulk action started from this view: its record is read again from the database on every poll. */
    private Long bulkActionId;

    private transient BulkActionView bulkProgress;

    /** The request {@link #bulkProgress} was read in: every request (a poll) reads the record again. */
    private transient Object bulkProgressReadIn;

    public List<BulkAction> getBulkActions() {
        return List.of(BulkAction.values());
    }

    /** Opens the confirmation: how many jobs the action would change. */
    public void prepareBulk(BulkAction action, boolean allMatching) {
        this.bulkAction = action;
        this.bulkOnAllMatching = allMatching;
        this.bulkPriority = null;
        this.bulkChannel = null;
        this.bulkActionId = null;
        this.bulkProgress = null;
        this.bulkLeftOut = new EnumMap<>(JobState.class);
        if (allMatching) {
            bulkCount = bulkActions.countMatching(action, list.filter());
            bulkSelected = 0;
        } else {
            List<JobRow> selected = selection.selected();
            bulkSelected = selected.size();
            bulkCount = selected.stream()
                    .filter(job -> action.appliesTo().contains(job.state()))
                    .count();
            selected.stream()
                    .filter(job -> !action.appliesTo().contains(job.state()))
                    .forEach(job -> bulkLeftOut.merge(job.state(), 1L, Long::sum));
        }
    }

    /** The confirmation's question: how many jobs the action changes, and of how many selected. */
    public String getBulkQuestion() {
        if (bulkAction == null) {
            return "";
        }
        String label = bulkAction.label() + ": ";
        if (bulkOnAllMatching) {
            return label + jobs(bulkCount) + " matching the filters.";
        }
        if (bulkCount == bulkSelected) {
            return label + jobs(bulkCount) + " selected.";
        }
        return label + bulkCount + " of " + jobs(bulkSelected) + " selected.";
    }

    /**
     * What the action leaves alone: for a selection, the selected jobs it does not apply to, counted by state (a user
     * who ticked 24 done jobs and chose Cancel is told why nothing would change); for the jobs matching the filters,
     * which are counted by the database, the rule.
     */
    public String getBulkLeftOut() {
        if (bulkOnAllMatching) {
            return "Jobs in states this action does not apply to are left as they are.";
        }
        if (bulkLeftOut == null || bulkLeftOut.isEmpty()) {
            return null;
        }
        return "Left as they are, in states this action does not apply to: "
                + bulkLeftOut.entrySet().stream()
                        .map(left ->
                                left.getValue() + " " + left.getKey().label().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", "))
                + ".";
    }

    private static String jobs(long count) {
        return count + (count == 1 ? " job" : " jobs");
    }

    /** Starts the confirmed action in the background; the page polls {@link #getBulkProgress()}. */
    @ManagerOnly
    public void startBulk() {
        if (bulkAction == null) {
            return;
        }
        BulkRequest request;
        try {
            request = new BulkRequest(bulkAction, bulkPriority, bulkChannel);
        } catch (IllegalArgumentException e) {
            // BulkRequest's refusals are sentences (a channel that breaks the grammar, a missing priority).
            Refusals.error(DIALOG_MESSAGES, e.getMessage());
            return;
        }
        String user = Faces.getRemoteUser();
        try {
            BulkActionRun run;
            if (bulkOnAllMatching) {
                run = bulkActions.startOnMatching(request, list.filter(), user);
            } else {
                // Only the selected jobs the action applies to, as the confirmation counted them.
                BulkAction action = bulkAction;
                List<Long> ids = selection.selected().stream()
                        .filter(job -> action.appliesTo().contains(job.state()))
                        .map(JobRow::id)
                        .toList();
                if (ids.isEmpty()) {
                    Refusals.error(DIALOG_MESSAGES, NOTHING_SELECTED);
                    return;
                }
                run = bulkActions.startOnSelection(request, ids, user);
            }
            this.bulkActionId = run.id();
            this.bulkProgress = null;
            Messages.addGlobalInfo(String.format(BULK_STARTED, run.id(), bulkAction.label(), bulkCount));
        } catch (RuntimeException e) {
            Refusals.showOn(DIALOG_MESSAGES, e);
        }
    }

    /** The action has ended: say so, and start afresh (the changed jobs may have left the filter). */
    public void bulkFinished() {
        BulkActionView progress = getBulkProgress();
        if (progress == null) {
            return;
        }
        if (progress.isFailed()) {
            Refusals.error(null, progress.run().reason());
        } else {
            String finished = String.format(BULK_FINISHED, progress.getLabel(), progress.getResult());
            List<String> reasons = progress.getReasons();
            Refusals.info(
                    null, reasons.isEmpty() ? finished : finished + " Not changed: " + String.join("; ", reasons));
        }
        bulkAction = null;
        bulkActionId = null;
        bulkProgress = null;
        selection.clearSelection();
        groups.refresh();
    }

    public String getPriorityRule() {
        return JobBacking.PRIORITY_RULE;
    }

    public String getChannelRequired() {
        return JobBacking.CHANNEL_REQUIRED;
    }

    public boolean isBulkRunning() {
        return getBulkProgress() != null && !getBulkProgress().isFinished();
    }

    public BulkAction getBulkAction() {
        return bulkAction;
    }

    public boolean isBulkOnAllMatching() {
        return bulkOnAllMatching;
    }

    public Integer getBulkPriority() {
        return bulkPriority;
    }

    public void setBulkPriority(Integer bulkPriority) {
        this.bulkPriority = bulkPriority;
    }

    public String getBulkChannel() {
        return bulkChannel;
    }

    public void setBulkChannel(String bulkChannel) {
        this.bulkChannel = bulkChannel;
    }

    public long getBulkCount() {
        return bulkCount;
    }

    /**
     * The started action as its record says now (read once per request), or null before one starts; its times are
     * measured with the queue's clock, which wrote the record.
     */
    public BulkActionView getBulkProgress() {
        Object request = FacesContext.getCurrentInstance();
        if (bulkProgressReadIn != request) {
            bulkProgress = null;
            bulkProgressReadIn = request;
        }
        if (bulkProgress == null && bulkActionId != null) {
            bulkProgress = bulkActions
                    .find(bulkActionId)
                    .map(run -> new BulkActionView(run, jobQueries.now()))
                    .orElse(null);
        }
        return bulkProgress;
    }

    public Long getBulkActionId() {
        return bulkActionId;
    }
}
