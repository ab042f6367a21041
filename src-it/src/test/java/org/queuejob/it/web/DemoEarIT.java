package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.dev.DatabaseSettings;
import org.queuejob.it.support.DeployedDemoEar;
import org.queuejob.it.support.ItEnvironment;

/**
 * The shipped EAR (library as an EJB module, sample jobs in another module, back office in a WAR) runs its jobs:
 * the packaging the demo and most applications use, where executors and persistence units resolve differently
 * from a single WAR.
 */
@ExtendWith(DeployedDemoEar.class)
class DemoEarIT {

    /** Read-only look at outcomes: the EAR exposes no API for it, and the back office hides done jobs. */
    private static final String COUNT =
            "SELECT count(*) FROM queue_job WHERE job_function LIKE 'org.queuejob.sample.%' AND state = ?";

    /** Failures other than the ones the sample jobs stage on purpose. */
    private static final String UNEXPECTED_FAILURES = """
            SELECT id || ' ' || job_function || ' (' || retry || ' tries): ' || coalesce(exc_name, '') || ': '
                   || coalesce(exc_message, '') FROM queue_job WHERE job_function LIKE 'org.queuejob.sample.%' AND state = 'failed'
               AND exc_message NOT LIKE 'Warehouse % did not answer in time'
               AND exc_message NOT LIKE 'Max. retries (3) reached: Payment gateway busy for order %'""";

    @Test
    void sampleJobsOfTheDemoRunToDoneAndFailOnlyAsStaged() throws SQLException {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count("done")).isPositive();
            assertThat(count("failed")).isPositive();
        });
        // Named, so that such a failure says what it was.
        assertThat(JobRows.queryStrings(UNEXPECTED_FAILURES))
                .as("sample jobs failed for reasons the demo does not stage")
                .isEmpty();
    }

    @Test
    void sampleTrafficOfTheDemo_includesGraphs_overSeveralConfiguredChannels() throws SQLException {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count("""
                            SELECT count(DISTINCT graph_uuid) FROM queue_job
                             WHERE job_function LIKE 'org.queuejob.sample.%' AND graph_uuid IS NOT NULL""", null)).as("sample graphs").isPositive();
            assertThat(count("""
                            SELECT count(*) FROM queue_job_dependency d JOIN queue_job c ON c.id = d.child_id
                             WHERE c.job_function = 'org.queuejob.sample.SampleJobs.mailInvoice'""", null)).as("edges of the sample graphs").isPositive();
            assertThat(count("""
                            SELECT count(DISTINCT channel) FROM queue_job
                             WHERE job_function LIKE 'org.queuejob.sample.%'""", null)).as("channels the sample jobs run in").isGreaterThanOrEqualTo(4);
        });
        // The demo's configuration string reached the channel records: the Channels screen has a tree to show.
        assertThat(count("""
                        SELECT count(*) FROM queue_job_channel
                         WHERE (complete_name, capacity) IN (('root.mail', 2), ('root.inventory', 1),
                                                             ('root.billing', 2), ('root.shipping', 1))""", null)).isEqualTo(4);
    }

    private static long count(String state) throws SQLException {
        return count(COUNT, state);
    }

    private static long count(String sql, String parameter) throws SQLException {
        DatabaseSettings db = ItEnvironment.database();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement query = connection.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
