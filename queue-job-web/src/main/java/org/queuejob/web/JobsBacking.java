package org.queuejob.web;

import static org.queuejob.domain.model.job.JobState.ENQUEUED;
import static org.queuejob.domain.model.job.JobState.FAILED;
import static org.queuejob.domain.model.job.JobState.PENDING;
import static org.queuejob.domain.model.job.JobState.STARTED;
import static org.queuejob.domain.model.job.JobState.WAIT_DEPENDENCIES;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.omnifaces.util.Components;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.queuejob.application.JobFilter;
import org.queuejob.application.JobQueryService;
import org.queuejob.application.JobSort;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.web.format.JobTexts;

/**
 * The job list ({@code jobs.xhtml}): a database-paged table of jobs, filtered by state, channel and text. The filters
 * live here, in the view; the table asks for one page at a time, so the poll that refreshes it every few seconds costs
 * one count and one page query.
 */
@Named
@ViewScoped
public class JobsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** As the original's default search (§4.2): every state but done and cancelled. */
    static final List<JobState> DEFAULT_STATES = List.of(WAIT_DEPENDENCIES, PENDING, ENQUEUED, STARTED, FAILED);

    /** Client id of the table, sent back to its first page when a filter changes. */
    static final String TABLE = "jobsForm:jobs";

    @Inject
    JobQueryService jobQueries;

    private List<JobState> states = new ArrayList<>(DEFAULT_STATES);
    private String channel;
    private String text;

    /** Holds the current page's entities, which are not serializable: rebuilt, empty, after deserialisation. */
    private transient LazyDataModel<QueueJob> jobs;

    public LazyDataModel<QueueJob> getJobs() {
        if (jobs == null) {
            jobs = new JobsModel();
        }
        return jobs;
    }

    /** A filter changed: show the first page of the new selection. */
    public void filterChanged() {
        DataTable table = Components.findComponent(TABLE);
        if (table != null) {
            table.setFirst(0);
        }
    }

    JobFilter filter() {
        return new JobFilter(states == null ? Set.of() : Set.copyOf(states), channel, text);
    }

    public List<JobState> getAllStates() {
        return List.of(JobState.values());
    }

    public String simpleFunctionName(String jobFunction) {
        return JobTexts.simpleFunctionName(jobFunction);
    }

    public String simpleClassName(String className) {
        return JobTexts.simpleClassName(className);
    }

    public List<JobState> getStates() {
        return states;
    }

    public void setStates(List<JobState> states) {
        this.states = states;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    /** The sort the table asks for (single sort mode: at most one is active); empty when unsorted. */
    static Optional<SortMeta> activeSort(Map<String, SortMeta> sortBy) {
        return sortBy == null
                ? Optional.empty()
                : sortBy.values().stream().filter(SortMeta::isActive).sorted().findFirst();
    }

    /** The page's literal {@code sortBy} values are {@link JobSort} names; anything else gets the default order. */
    static JobSort jobSort(SortMeta sort) {
        return Arrays.stream(JobSort.values())
                .filter(candidate -> candidate.name().equals(sort.getField()))
                .findFirst()
                .orElse(null);
    }

    /** One count and one page query per rendering; row keys are job uuids. */
    private final class JobsModel extends LazyDataModel<QueueJob> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(jobQueries.count(filter()), Integer.MAX_VALUE);
        }

        @Override
        public List<QueueJob> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            Optional<SortMeta> sort = activeSort(sortBy);
            int size = Math.max(1, Math.min(pageSize, JobQueryService.MAX_PAGE_SIZE));
            return jobQueries.page(
                    filter(),
                    Math.max(0, first),
                    size,
                    sort.map(JobsBacking::jobSort).orElse(null),
                    sort.map(s -> s.getOrder().isAscending()).orElse(false));
        }

        @Override
        public String getRowKey(QueueJob job) {
            return job.uuid().toString();
        }

        @Override
        public QueueJob getRowData(String rowKey) {
            List<QueueJob> page = getWrappedData();
            return page == null
                    ? null
                    : page.stream()
                            .filter(job -> job.uuid().toString().equals(rowKey))
                            .findFirst()
                            .orElse(null);
        }
    }
}
