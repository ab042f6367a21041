package org.queuejob.web;

import static org.queuejob.domain.model.job.JobState.ENQUEUED;
import static org.queuejob.domain.model.job.JobState.FAILED;
import static org.queuejob.domain.model.job.JobState.PENDING;
import static org.queuejob.domain.model.job.JobState.STARTED;
import static org.queuejob.domain.model.job.JobState.WAIT_DEPENDENCIES;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.ValidatorException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.omnifaces.util.Components;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.event.ColumnToggleEvent;
import org.primefaces.event.SelectEvent;
import org.primefaces.event.ToggleEvent;
import org.primefaces.event.ToggleSelectEvent;
import org.primefaces.event.UnselectEvent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.Visibility;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.domain.model.job.JobGroup;
import org.queuejob.domain.model.job.JobGrouping;
import org.queuejob.domain.model.job.JobSort;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.StoredText;
import org.queuejob.web.format.JobCsv;
import org.queuejob.web.format.JobTexts;
import org.queuejob.web.format.RunTexts;
import org.queuejob.web.security.Roles;

/**
 * The job list ({@code jobs.xhtml}): a database-paged table of jobs, filtered by state, channel, job function,
 * creation date and text, optionally grouped with counts, and acted on in bulk. The filters, the selection and the
 * visible columns live here, in the view; the table asks for one page at a time, so the poll that refreshes it every
 * few seconds costs one count and one page query and loses nothing.
 */
@Named
@ViewScoped
public class JobsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** As the original's default search (§4.2): every state but done and cancelled. */
    static final List<JobState> DEFAULT_STATES = List.of(WAIT_DEPENDENCIES, PENDING, ENQUEUED, STARTED, FAILED);

    /** Client id of the table, sent back to its first page when a filter changes. */
    static final String TABLE = "jobsForm:jobs";

    /** The table counts the matching jobs no further: beyond it the page says "more than", and pages reach that far. */
    static final long COUNTED_UP_TO = JobQueryService.LIST_COUNTED_UP_TO;

    static final String PAGE_REPORT = "{startRecord}–{endRecord} of {totalRecords}";
    static final String PAGE_REPORT_COUNTED_UP_TO =
            "{startRecord}–{endRecord} of more than " + RunTexts.count(COUNTED_UP_TO);

    /** Most rows one CSV export writes. */
    static final int EXPORT_LIMIT = 100_000;

    /** Columns hidden until chosen, as the original's optional columns; keys are the columns' ids. */
    static final Set<String> HIDDEN_BY_DEFAULT = Set.of("colEta", "colUuid", "colUser", "colPriority");

    /** Said when a link (a bookmark, an old dashboard link) asks for a state that is none. */
    static final String UNKNOWN_STATE =
            "The link asks for the state ''{0}'', which is not one ({1}): the list shows its usual states.";

    private static final String STATE_NAMES = String.join(
            ", ", Arrays.stream(JobState.values()).map(JobState::dbValue).toList());

    @Inject
    JobQueryService jobQueries;

    private List<JobState> states = new ArrayList<>(DEFAULT_STATES);
    private String channel;
    private String jobFunction;
    private String text;
    private String worker;
    private DateRange dateRange = DateRange.ANY;
    private LocalDate customFrom;
    private LocalDate customTo;
    private JobGrouping groupBy;
    /** A state a link asked for that is no state, until {@link #linkOpened} has said so. */
    private String unknownStateAsked;

    private final Map<String, Boolean> columnVisible = new HashMap<>();

    /** The rows ticked in the table: views, so a deserialised view keeps them. */
    private final JobSelection selection = new JobSelection();

    private transient List<JobGroup> groups;

    private JobSort lastSort;
    private boolean lastAscending;

    /** Whether the last count stopped at {@link #COUNTED_UP_TO}. */
    private boolean countCapped;

    /** Rebuilt, empty, after deserialisation: PrimeFaces' lazy model is not serializable. */
    private transient LazyDataModel<JobRow> jobs;

    /** The paginator's report: "of more than 10,000" when the count stopped there. */
    public String getPageReport() {
        return countCapped ? PAGE_REPORT_COUNTED_UP_TO : PAGE_REPORT;
    }

    public boolean isCountCapped() {
        return countCapped;
    }

    public LazyDataModel<JobRow> getJobs() {
        if (jobs == null) {
            jobs = new JobsModel();
        }
        return jobs;
    }

    /** A filter changed: show the first page of the new selection, and its groups. */
    public void filterChanged() {
        DataTable table = Components.findComponent(TABLE);
        if (table != null) {
            table.setFirst(0);
        }
        groups = null;
    }

    /**
     * The request parameter that names the group clicked, by its value rendered into the link. Not the row's place:
     * groups are ordered by their counts, which the refresh every 5 seconds reads again, so the place of a group
     * clicked may hold another by the time the click is processed.
     */
    static final String GROUP = "group";

    /** A group was clicked ({@link #GROUP}): narrow the filters to it. */
    public void openGroup() {
        String sent = Faces.getRequestParameter(GROUP);
        String value = sent == null || sent.isEmpty() ? null : sent; // empty: the "(none)" group
        if (groupBy == null) {
            return;
        }
        switch (groupBy) {
            case CHANNEL -> channel = value;
            case JOB_FUNCTION -> jobFunction = value;
            case STATE -> {
                try {
                    states = new ArrayList<>(List.of(JobState.fromDbValue(value)));
                } catch (IllegalArgumentException notALinkThisPageDrew) {
                    return;
                }
            }
            case EXCEPTION -> text = value;
        }
        groupBy = null;
        filterChanged();
    }

    /** What the custom days take: the years a job can have been created in (JobFilter's bounds, in days). */
    static final String DAY_RULE =
            "From – to: the creation dates to filter on are from the year 1 to the end of the year 9999 (UTC), not %s.";

    /** A custom day the browser sent that is not one (a five-digit year, which the converter cannot read). */
    static final String DAY_NOT_READ =
            "From – to: a day from the year 1 to the end of the year 9999 (UTC), such as 2031-05-04.";

    public String getDayRuleText() {
        return DAY_NOT_READ;
    }

    /**
     * Validator of the custom range's days: a day outside the years 1 to 9999 is refused at entry with a sentence
     * beside the fields, and the filter stays as it was (the query would refuse it: "Something went wrong").
     */
    public void validateDay(FacesContext context, UIComponent component, Object value) {
        if (value instanceof LocalDate day) {
            Optional<String> refusal = dayRefusal(day);
            if (refusal.isPresent()) {
                throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.get(), null));
            }
        }
    }

    static Optional<String> dayRefusal(LocalDate day) {
        return day.getYear() < 1 || day.getYear() > 9999 ? Optional.of(String.format(DAY_RULE, day)) : Optional.empty();
    }

    JobFilter filter() {
        Instant from = null;
        Instant to = null;
        if (dateRange == DateRange.CUSTOM) {
            from = customFrom == null
                    ? null
                    : customFrom.atStartOfDay(ZoneOffset.UTC).toInstant();
            to = customTo == null
                    ? null
                    : customTo.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        } else if (dateRange != null && dateRange.back() != null) {
            from = Instant.now().minus(dateRange.back());
        }
        return new JobFilter(
                states == null ? Set.of() : Set.copyOf(states), channel, jobFunction, from, to, text, worker);
    }

    public List<JobGroup> getGroups() {
        if (groupBy == null) {
            return List.of();
        }
        if (groups == null) {
            groups = jobQueries.groups(filter(), groupBy);
        }
        return groups;
    }

    /**
     * The poll: the table reloads by itself; the groups are read again. A finished bulk action is left alone: its
     * result stays in the dialog until the user closes it ({@link JobsBulkBacking#bulkFinished}); ending it here raced
     * the dialog's own poll and blanked the result before it could be read.
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

    // Columns -------------------------------------------------------------------------------------------------------

    public boolean visible(String column) {
        return columnVisible.getOrDefault(column, !HIDDEN_BY_DEFAULT.contains(column));
    }

    /** The column chooser: remembered for the view, so the refresh keeps the chosen columns. */
    public void columnToggled(ToggleEvent event) {
        String id = event instanceof ColumnToggleEvent columnEvent && columnEvent.getColumn() != null
                ? columnEvent.getColumn().getColumnKey()
                : null;
        if (id != null) {
            id = id.substring(id.lastIndexOf(':') + 1);
            columnVisible.put(id, event.getVisibility() == Visibility.VISIBLE);
        }
    }

    // CSV -----------------------------------------------------------------------------------------------------------

    /** Every job matching the filters (up to {@value #EXPORT_LIMIT}), in the table's order, as CSV. */
    public void exportCsv() throws IOException {
        JobFilter filter = filter();
        JobSort sort = lastSort;
        boolean ascending = lastAscending;
        Faces.sendFile(
                "jobs.csv",
                true,
                output -> JobCsv.write(
                        output,
                        (first, size) -> first >= EXPORT_LIMIT
                                ? List.of()
                                : jobQueries.page(
                                        filter, first, Math.min(size, EXPORT_LIMIT - first), sort, ascending)));
    }

    public boolean isManager() {
        return Roles.isManager();
    }

    /** The rows ticked in the table. */
    List<JobRow> selected() {
        return selection.rows();
    }

    /** A bulk action ended ({@link JobsBulkBacking}): the changed jobs may have left the filter; start afresh. */
    void clearSelection() {
        selection.clear();
        groups = null;
    }

    /** A row was ticked: kept even when the selection sent with it was stale ({@link JobSelection}). */
    public void rowTicked(SelectEvent<JobRow> event) {
        redrawTableIf(selection.tick(event.getObject()));
    }

    /** A row was unticked: left out even when the selection sent with it was stale. */
    public void rowUnticked(UnselectEvent<JobRow> event) {
        redrawTableIf(selection.untick(event.getObject()));
    }

    /** The header box: it ticks or unticks the rows of the page shown ("All matching the filters" reaches further). */
    public void pageToggled(ToggleSelectEvent event) {
        List<JobRow> page = pageShown();
        redrawTableIf(event.isSelected() ? selection.tickPage(page) : selection.untickPage(page));
    }

    private List<JobRow> pageShown() {
        DataTable table = Components.findComponent(TABLE);
        if (table != null) {
            table.loadLazyDataIfRequired();
        }
        List<JobRow> page = getJobs().getWrappedData();
        return page == null ? List.of() : page;
    }

    /** The table showed a selection the server had moved past: show the server's, which the next tick sends back. */
    private static void redrawTableIf(boolean stale) {
        if (stale) {
            PrimeFaces.current().ajax().update(TABLE);
        }
    }

    // Formatting ----------------------------------------------------------------------------------------------------

    public List<JobState> getAllStates() {
        return List.of(JobState.values());
    }

    public List<DateRange> getDateRanges() {
        return List.of(DateRange.values());
    }

    public List<JobGrouping> getGroupings() {
        return List.of(JobGrouping.values());
    }

    // Properties ----------------------------------------------------------------------------------------------------

    public List<JobState> getStates() {
        return states;
    }

    public void setStates(List<JobState> states) {
        this.states = states;
    }

    /** After the link's parameters are read (f:viewAction): says what in them was not used. */
    public void linkOpened() {
        if (unknownStateAsked != null) {
            Messages.addGlobalWarn(UNKNOWN_STATE, unknownStateAsked, STATE_NAMES);
            unknownStateAsked = null;
        }
    }

    String unknownStateAsked() {
        return unknownStateAsked;
    }

    /** A state's stored name from a link: the list shows that state only. */
    public String getStateParameter() {
        return null;
    }

    /** One state, or several separated by commas (the Servers card's "enqueued,started"). */
    public void setStateParameter(String dbValues) {
        if (dbValues == null || dbValues.isBlank()) {
            return;
        }
        List<JobState> asked = new ArrayList<>();
        for (String dbValue : dbValues.split(",")) {
            try {
                asked.add(JobState.fromDbValue(dbValue.strip()));
            } catch (IllegalArgumentException e) {
                // An unknown state in a hand-made or outdated link: keep the default filter; linkOpened says so.
                unknownStateAsked = StoredText.shortened(dbValue.strip(), 40);
                return;
            }
        }
        states = asked;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getWorker() {
        return worker;
    }

    public void setWorker(String worker) {
        this.worker = worker;
    }

    public String getJobFunction() {
        return jobFunction;
    }

    public void setJobFunction(String jobFunction) {
        this.jobFunction = jobFunction;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public DateRange getDateRange() {
        return dateRange;
    }

    public void setDateRange(DateRange dateRange) {
        this.dateRange = dateRange == null ? DateRange.ANY : dateRange;
    }

    public LocalDate getCustomFrom() {
        return customFrom;
    }

    public void setCustomFrom(LocalDate customFrom) {
        this.customFrom = customFrom;
    }

    public LocalDate getCustomTo() {
        return customTo;
    }

    public void setCustomTo(LocalDate customTo) {
        this.customTo = customTo;
    }

    public JobGrouping getGroupBy() {
        return groupBy;
    }

    public void setGroupBy(JobGrouping groupBy) {
        this.groupBy = groupBy;
        this.groups = null;
    }

    public List<JobRow> getSelectedJobs() {
        return selected();
    }

    public void setSelectedJobs(List<JobRow> selectedJobs) {
        selection.replaceWith(selectedJobs);
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
    private final class JobsModel extends LazyDataModel<JobRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            long counted = jobQueries.countAtMost(filter(), COUNTED_UP_TO);
            countCapped = counted > COUNTED_UP_TO;
            return (int) Math.min(counted, COUNTED_UP_TO);
        }

        @Override
        public List<JobRow> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            Optional<SortMeta> sort = activeSort(sortBy);
            int size = Math.max(1, Math.min(pageSize, JobQueryService.MAX_PAGE_SIZE));
            lastSort = sort.map(JobsBacking::jobSort).orElse(null);
            lastAscending = sort.map(s -> s.getOrder().isAscending()).orElse(false);
            return jobQueries.page(filter(), Math.max(0, first), size, lastSort, lastAscending).stream()
                    .map(JobRow::of)
                    .toList();
        }

        @Override
        public String getRowKey(JobRow job) {
            return job.uuid().toString();
        }

        @Override
        public JobRow getRowData(String rowKey) {
            List<JobRow> page = getWrappedData();
            JobRow onPage = page == null
                    ? null
                    : page.stream()
                            .filter(job -> job.uuid().toString().equals(rowKey))
                            .findFirst()
                            .orElse(null);
            if (onPage != null) {
                return onPage;
            }
            return JobBacking.parse(rowKey)
                    .flatMap(jobQueries::find)
                    .map(JobRow::of)
                    .orElse(null);
        }
    }
}
