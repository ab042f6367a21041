package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.application.JobCursor;
import org.queuejob.application.JobKeysetQuery;
import org.queuejob.application.JobPage;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobFilter;
import org.queuejob.domain.model.job.JobSort;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.infrastructure.persistence.QueueJobDataSource;
import org.queuejob.it.support.TestDeployments;

/**
 * The job list in creation order over ended and not-ended states at once, which the queue reads as two index ranges
 * and merges: every page, by offset and by keyset, holds exactly the jobs the order says, in that order, with ties
 * of creation broken by id. The jobs are stored in SQL with states interleaved, creation instants out of id order
 * and each shared by three jobs, so a merge that took one part before the other, or ignored the tie, shows.
 */
@ExtendWith(ArquillianExtension.class)
class JobListIT {

    private static final int JOBS = 60;
    private static final Set<JobState> EVERY_STATE_STORED =
            EnumSet.of(JobState.PENDING, JobState.FAILED, JobState.DONE, JobState.CANCELLED);

    @Deployment
    static WebArchive deployment() {
        return TestDeployments.queueJobWar("job-list-it");
    }

    @Inject
    JobQueryService query;

    @Inject
    JobKeysetQuery keyset;

    @Inject
    @QueueJobDataSource
    DataSource dataSource;

    private String channel;

    @BeforeEach
    void storeInterleavedJobs() throws SQLException {
        // A channel of its own keeps other tests' jobs out; an eta in 2100 keeps the pending ones pending.
        channel = "root.list-it-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO queue_job (id, uuid, description, job_function, arguments, state, priority,
                                               max_retries, channel, date_created, eta)
                        SELECT nextval('queue_job_seq'), gen_random_uuid(), 'list ' || n, 'org.example.List.none',
                               jsonb_build_array(n), (ARRAY['done', 'pending', 'cancelled', 'done', 'failed'])[1 + n % 5],
                               10, 5, ?, TIMESTAMPTZ '2026-01-01 00:00:00+00' + ((n * 37) % 60 / 3) * interval '1 minute',
                               TIMESTAMPTZ '2100-01-01 00:00:00+00'
                          FROM generate_series(1, ?) AS n""")) {
            insert.setString(1, channel);
            insert.setInt(2, JOBS);
            insert.executeUpdate();
        }
    }

    @Test
    void pagesByOffset_overEndedAndWaitingJobs_followCreationThenId_inBothDirections() throws SQLException {
        JobFilter filter = new JobFilter(EVERY_STATE_STORED, channel, null);
        for (boolean ascending : new boolean[] {false, true}) {
            List<Long> expected = idsInOrder(ascending);
            List<Long> read = new ArrayList<>();
            for (int first = 0; first < JOBS; first += 25) {
                read.addAll(ids(query.page(filter, first, 25, JobSort.DATE_CREATED, ascending)));
            }
            assertThat(read).as(ascending ? "oldest first" : "newest first").isEqualTo(expected);
        }
    }

    @Test
    void pagesByKeyset_withNoStateChosen_holdEveryJobOnceInCreationOrder() throws SQLException {
        JobFilter filter = new JobFilter(Set.of(), channel, null);
        List<Long> read = new ArrayList<>();
        JobCursor after = null;
        do {
            JobPage page = keyset.page(filter, JobSort.DATE_CREATED, false, after, 7);
            read.addAll(ids(page.jobs()));
            after = page.next();
        } while (after != null);

        assertThat(read).isEqualTo(idsInOrder(false));
    }

    @Test
    void oneStateGroup_isReadAsBefore() throws SQLException {
        JobFilter done = new JobFilter(EnumSet.of(JobState.DONE), channel, null);

        List<QueueJob> page = query.page(done, 0, 100, JobSort.DATE_CREATED, false);

        assertThat(page).allMatch(job -> job.state() == JobState.DONE);
        assertThat(ids(page)).isEqualTo(idsInOrder(false, "done"));
    }

    private List<Long> idsInOrder(boolean ascending, String... states) throws SQLException {
        String direction = ascending ? "ASC" : "DESC";
        String sql = "SELECT id FROM queue_job WHERE channel = ?"
                + (states.length > 0 ? " AND state = ANY (?)" : "")
                + " ORDER BY date_created " + direction + ", id " + direction;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, channel);
            if (states.length > 0) {
                select.setArray(2, connection.createArrayOf("text", states));
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    private static List<Long> ids(List<QueueJob> jobs) {
        return jobs.stream().map(QueueJob::id).toList();
    }
}
