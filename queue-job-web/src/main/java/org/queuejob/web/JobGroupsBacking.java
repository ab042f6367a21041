package org.queuejob.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.omnifaces.util.Faces;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobGroup;
import org.queuejob.domain.model.job.JobGrouping;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.web.format.JobTexts;

/**
 * The job list's groups ({@code jobs.xhtml}): the jobs {@link JobsBacking}'s filters match, counted by channel, job
 * function, state or exception; a group clicked narrows the filters to it.
 */
@Named
@ViewScoped
public class JobGroupsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The request parameter that names the group clicked, by its value rendered into the link. Not the row's place:
     * groups are ordered by their counts, which the refresh every 5 seconds reads again, so the place of a group
     * clicked may hold another by the time the click is processed.
     */
    static final String GROUP = "group";

    @Inject
    JobsBacking list;

    @Inject
    JobQueryService jobQueries;

    private JobGrouping groupBy;

    /** Read again after deserialisation, a refresh, or a change of the filters ({@link #filterChangesRead}). */
    private transient List<JobGroup> groups;

    /** The list's {@link JobsBacking#filterChanges} when {@link #groups} were read. */
    private long filterChangesRead;

    public List<JobGroup> getGroups() {
        if (groupBy == null) {
            return List.of();
        }
        if (groups == null || filterChangesRead != list.filterChanges()) {
            filterChangesRead = list.filterChanges();
            groups = jobQueries.groups(list.filter(), groupBy);
        }
        return groups;
    }

    /** A group was clicked ({@link #GROUP}): narrow the filters to it. */
    public void openGroup() {
        openGroup(Faces.getRequestParameter(GROUP));
    }

    void openGroup(String sent) {
        String value = sent == null || sent.isEmpty() ? null : sent; // empty: the "(none)" group
        if (groupBy == null) {
            return;
        }
        switch (groupBy) {
            case CHANNEL -> list.setChannel(value);
            case JOB_FUNCTION -> list.setJobFunction(value);
            case STATE -> {
                try {
                    list.setStates(new ArrayList<>(List.of(JobState.fromDbValue(value))));
                } catch (IllegalArgumentException notALinkThisPageDrew) {
                    return;
                }
            }
            case EXCEPTION -> list.setText(value);
        }
        groupBy = null;
        groups = null;
        list.filterChanged();
    }

    /**
     * The poll, and the end of a bulk action ({@link JobsBulkBacking#bulkFinished}): the table reloads by itself; the
     * groups are read again. The poll leaves a finished bulk action alone: its result stays in the dialog until the
     * user closes it; ending it here raced the dialog's own poll and blanked the result before it could be read.
     */
    public void refresh() {
        groups = null;
    }

    public String groupLabel(JobGroup group) {
        if (group.value() == null) {
            return "(none)";
        }
        return groupBy == JobGrouping.STATE
                ? JobState.fromDbValue(group.value()).label()
                : group.value();
    }

    public String averageSeconds(JobGroup group) {
        return group.averageExecMillis() == null ? "" : JobTexts.seconds(Math.round(group.averageExecMillis()));
    }

    public List<JobGrouping> getGroupings() {
        return List.of(JobGrouping.values());
    }

    public JobGrouping getGroupBy() {
        return groupBy;
    }

    public void setGroupBy(JobGrouping groupBy) {
        this.groupBy = groupBy;
        this.groups = null;
    }
}
