package org.queuejob.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.domain.model.job.JobState;

class BulkFiltersTest {

    @Test
    void everyFieldOfTheJobsScreensFilter_survivesTheRecord() {
        JobFilter filter = new JobFilter(
                Set.of(JobState.FAILED, JobState.PENDING),
                "root.mail",
                "org.example.Mailer.send",
                Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-30T00:00:00.123456Z"),
                "timeout \"quoted\" <b>",
                "server-2@host/domain");

        assertThat(BulkFilters.fromJson(BulkFilters.toJson(filter))).isEqualTo(filter);
    }

    @Test
    void emptyFilter_survivesTheRecordAsAllJobs() {
        assertThat(BulkFilters.fromJson(BulkFilters.toJson(JobFilter.all()))).isEqualTo(JobFilter.all());
        assertThat(BulkFilters.describe(JobFilter.all())).isEqualTo("all jobs");
    }

    @Test
    void descriptionNamesEachFilterInUse_statesInTheirOrder() {
        JobFilter filter = new JobFilter(Set.of(JobState.FAILED, JobState.PENDING), "root.mail", "timeout");

        assertThat(BulkFilters.describe(filter))
                .isEqualTo("state pending or failed · channel root.mail · text “timeout”");
    }

    @Test
    void aServersJobs_areDescribedByTheServersName() {
        JobFilter filter =
                new JobFilter(Set.of(JobState.STARTED), null, null, null, null, null, "server-2@host/domain");

        assertThat(BulkFilters.describe(filter)).isEqualTo("state started · server server-2@host/domain");
    }
}
