package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuejob.domain.model.job.JobState.CANCELLED;
import static org.queuejob.domain.model.job.JobState.DONE;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobOptions;
import org.queuejob.domain.model.job.JobSort;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;

class JobsBackingTest {

    @Test
    void byDefault_hidesDoneAndCancelledJobs() {
        JobsBacking backing = new JobsBacking();

        assertThat(backing.filter().states())
                .hasSize(JobState.values().length - 2)
                .doesNotContain(DONE, CANCELLED);
        assertThat(backing.filter().channel()).isNull();
        assertThat(backing.filter().text()).isNull();
    }

    @Test
    void noStateTicked_meansEveryState() {
        JobsBacking backing = new JobsBacking();
        backing.setStates(List.of());

        assertThat(backing.filter().states()).isEmpty();

        backing.setStates(null);
        assertThat(backing.filter().states()).isEmpty();
    }

    @Test
    void theActiveColumnSortBecomesAJobSort() {
        Map<String, SortMeta> sortBy = new LinkedHashMap<>();
        sortBy.put(
                "created",
                SortMeta.builder()
                        .field("DATE_CREATED")
                        .order(SortOrder.UNSORTED)
                        .build());
        sortBy.put(
                "priority",
                SortMeta.builder().field("PRIORITY").order(SortOrder.ASCENDING).build());

        SortMeta active = JobsBacking.activeSort(sortBy).orElseThrow();

        assertThat(JobsBacking.jobSort(active)).isEqualTo(JobSort.PRIORITY);
        assertThat(active.getOrder().isAscending()).isTrue();
    }

    @Test
    void unsortedOrUnknownColumns_leaveTheDefaultOrder() {
        assertThat(JobsBacking.activeSort(Map.of())).isEmpty();
        assertThat(JobsBacking.activeSort(null)).isEmpty();
        assertThat(JobsBacking.jobSort(SortMeta.builder().field("worker").build()))
                .isNull();
    }

    @Test
    void customDateRange_coversWholeUtcDays_toIncluded() {
        JobsBacking backing = new JobsBacking();
        backing.setDateRange(DateRange.CUSTOM);
        backing.setCustomFrom(java.time.LocalDate.of(2026, 11, 20));
        backing.setCustomTo(java.time.LocalDate.of(2026, 11, 22));

        assertThat(backing.filter().createdFrom()).isEqualTo(java.time.Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(backing.filter().createdTo()).isEqualTo(java.time.Instant.parse("2026-11-23T00:00:00Z"));
    }

    @Test
    void lastSevenDays_startsSevenDaysBeforeTheQueuesClock_withNoUpperBound() {
        JobsBacking backing = new JobsBacking();
        backing.jobQueries = queueClockAt(QUEUE_NOW);
        backing.setDateRange(DateRange.LAST_7_DAYS);

        assertThat(backing.filter().createdFrom()).isEqualTo(Instant.parse("2031-04-27T12:00:00Z"));
        assertThat(backing.filter().createdTo()).isNull();
    }

    @Test
    void everyRelativeDateRange_countsBackFromTheQueuesClock_notThisServers() {
        JobsBacking backing = new JobsBacking();
        backing.jobQueries = queueClockAt(QUEUE_NOW);

        backing.setDateRange(DateRange.LAST_24_HOURS);
        assertThat(backing.filter().createdFrom()).isEqualTo(Instant.parse("2031-05-03T12:00:00Z"));
        backing.setDateRange(DateRange.LAST_30_DAYS);
        assertThat(backing.filter().createdFrom()).isEqualTo(Instant.parse("2031-04-04T12:00:00Z"));
        backing.setDateRange(DateRange.ANY);
        assertThat(backing.filter().createdFrom()).isNull();
    }

    /** Years from this machine's clock: a range computed from it would be far from this one. */
    private static final Instant QUEUE_NOW = Instant.parse("2031-05-04T12:00:00Z");

    private static JobQueryService queueClockAt(Instant now) {
        return new JobQueryService() {
            @Override
            public Instant now() {
                return now;
            }
        };
    }

    @Test
    void stateParameterFromADashboardLink_showsThatStateOnly_anUnknownOneIsKeptToBeToldOf() {
        JobsBacking backing = new JobsBacking();
        backing.setStateParameter("failed");
        assertThat(backing.filter().states()).containsExactly(JobState.FAILED);

        backing.setStateParameter("<script>");
        assertThat(backing.filter().states()).containsExactly(JobState.FAILED);
        assertThat(backing.unknownStateAsked()).as("for the page to say").isEqualTo("<script>");
    }

    @Test
    void aServersJobsLink_showsTheStatesItNames_andThatServersJobsOnly() {
        JobsBacking backing = new JobsBacking();
        backing.setWorker("server-2@host/domain");
        backing.setStateParameter("enqueued, started");

        assertThat(backing.filter().states()).containsExactlyInAnyOrder(JobState.ENQUEUED, JobState.STARTED);
        assertThat(backing.filter().worker()).isEqualTo("server-2@host/domain");

        backing.setStateParameter("enqueued,begun");
        assertThat(backing.filter().states())
                .as("a list with an unknown state keeps the states shown")
                .containsExactlyInAnyOrder(JobState.ENQUEUED, JobState.STARTED);
        assertThat(backing.unknownStateAsked()).isEqualTo("begun");
    }

    @Test
    void aSerialisedView_keepsTheFilters_andRebuildsItsTable() throws Exception {
        JobsBacking backing = new JobsBacking();
        backing.setChannel("root.mail");
        backing.setStates(new ArrayList<>(List.of(JobState.FAILED)));
        backing.getJobs();

        JobsBacking restored = roundTrip(backing);

        assertThat(restored.filter().channel()).isEqualTo("root.mail");
        assertThat(restored.filter().states()).containsExactly(JobState.FAILED);
        assertThat(restored.getJobs())
                .as("the lazy model, which is not serialised")
                .isNotNull();
    }

    @Test
    void aRow_showsWhatItsJobSays() {
        QueueJob job = job("Send the invoice");

        JobRow row = JobRow.of(job);

        assertThat(row.uuid()).isEqualTo(job.uuid());
        assertThat(row.description()).isEqualTo("Send the invoice");
        assertThat(row.jobFunction()).isEqualTo("org.example.Jobs.run");
        assertThat(row.state()).isEqualTo(job.state());
        assertThat(row.channel()).isEqualTo("root.mail");
        assertThat(row.priority()).isEqualTo(7);
        assertThat(row.dateCreated()).isEqualTo(Instant.parse("2026-12-04T05:00:00Z"));
        assertThat(row.userName()).isEqualTo("ops");
    }

    static QueueJob job(String description) {
        return new QueueJob(
                "org.example.Jobs.run",
                "[]",
                new JobOptions(7, null, 5, description, "root.mail", null),
                "ops",
                Instant.parse("2026-12-04T05:00:00Z"));
    }

    @SuppressWarnings("unchecked")
    static <T extends Serializable> T roundTrip(T backing) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(backing);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void aCustomDayOutsideTheYears1To9999_isRefusedAtEntryWithTheBoundsSentence() {
        assertThat(JobsBacking.dayRefusal(LocalDate.of(10000, 1, 1)))
                .contains("From – to: the creation dates to filter on are from the year 1 to the end of the year 9999"
                        + " (UTC), not +10000-01-01.");
        assertThat(JobsBacking.dayRefusal(LocalDate.of(0, 12, 31))).isPresent();
        assertThat(JobsBacking.dayRefusal(LocalDate.of(9999, 12, 31))).isEmpty();
        assertThat(JobsBacking.dayRefusal(LocalDate.of(1, 1, 1))).isEmpty();
    }

    @Test
    void theLastDayTheScreenTakes_makesAFilterTheQueryTakes() {
        JobsBacking page = new JobsBacking();
        page.setDateRange(DateRange.CUSTOM);
        page.setCustomFrom(LocalDate.of(9999, 12, 31));
        page.setCustomTo(LocalDate.of(9999, 12, 31));

        assertThat(page.filter().createdTo()).isEqualTo(Instant.parse("+10000-01-01T00:00:00Z"));
    }
}
