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
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.omnifaces.util.Components;
import org.omnifaces.util.Messages;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.domain.model.job.JobSort;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.StoredText;
import org.queuejob.web.format.RunTexts;
import org.queuejob.web.security.Roles;

/**
 * The job list ({@code jobs.xhtml}): its filters (state, channel, job function, server, creation date, text, and the
 * link parameters that set them) and the database-paged table of the jobs they match. The filters live here, in the
 * view; the table asks for one page at a time, so the poll that refreshes it every few seconds costs one count and one
 * page query and loses nothing.
 *
 * <p>The page's other concerns have their own beans, which read the filters from this one: the groups ({@link
 * JobGroupsBacking}), the rows ticked ({@link JobSelectionBacking}), the column chooser and the CSV export ({@link
 * JobTableToolsBacking}), and the bulk actions ({@link JobsBulkBacking}).
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
    /** A state a link asked for that is no state, until {@link #linkOpened} has said so. */
    private String unknownStateAsked;

    /**
     * How many times {@link #filterChanged} has run: what the filters' readers (the groups) compare with the count
     * they read at, so that they read again after a change without this bean knowing them.
     */
    private long filterChanges;

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

    /** A filter changed: show the first page of the new selection, and its groups ({@link #filterChanges}). */
    public void filterChanged() {
        showFirstPage();
        filterChanges++;
    }

    /** A method of its own so that a unit test, which has no component tree, can change the filters. */
    void showFirstPage() {
        DataTable table = Components.findComponent(TABLE);
        if (table != null) {
            table.setFirst(0);
        }
    }

    long filterChanges() {
        return filterChanges;
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

    /**
     * The jobs the filters match. "Last 7 days" counts back from the queue's clock ({@link JobQueryService#now}), the
     * time the jobs' creation dates were written with, not this server's.
     */
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
            from = jobQueries.now().minus(dateRange.back());
        }
        return new JobFilter(
                states == null ? Set.of() : Set.copyOf(states), channel, jobFunction, from, to, text, worker);
    }

    /** The sort the table last asked for (null: the default order), which the CSV export follows. */
    JobSort lastSort() {
        return lastSort;
    }

    boolean lastAscending() {
        return lastAscending;
    }

    /** The rows of the page the table shows, loaded if the table has not loaded them yet in this request. */
    List<JobRow> pageShown() {
        DataTable table = Components.findComponent(TABLE);
        if (table != null) {
            table.loadLazyDataIfRequired();
        }
        List<JobRow> page = getJobs().getWrappedData();
        return page == null ? List.of() : page;
    }

    public boolean isManager() {
        return Roles.isManager();
    }

    // Formatting ----------------------------------------------------------------------------------------------------

    public List<JobState> getAllStates() {
        return List.of(JobState.values());
    }

    public List<DateRange> getDateRanges() {
        return List.of(DateRange.values());
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
