package org.queuejob.infrastructure.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.queuejob.infrastructure.persistence.QueueJobDataSource;
import org.queuejob.infrastructure.persistence.SchemaMigration;

/**
 * The few reads the health checks and gauges make, each one statement with a short timeout on the queue's data source:
 * never on the hot path, only when the endpoints are asked.
 */
@ApplicationScoped
public class QueueProbe {

    /** Seconds a probe statement may take before the database counts as unreachable. */
    static final int TIMEOUT_SECONDS = 3;

    static final String DATABASE = """
            SELECT (SELECT count(*) FROM %1$s WHERE NOT success),
                   (SELECT version FROM %1$s WHERE success AND version IS NOT NULL
                     ORDER BY installed_rank DESC LIMIT 1),
                   (SELECT holder FROM queue_job_leader WHERE id = 1),
                   (SELECT elected_at FROM queue_job_leader WHERE id = 1),
                   (SELECT count(*) FROM queue_job_instance i, queue_job_leader l
                     WHERE l.id = 1 AND i.name = l.holder AND i.heartbeat_at > now() - make_interval(secs => ?))""".formatted(SchemaMigration.HISTORY);

    /** Jobs that have not ended, per channel and state: index-only on (state, channel, ...). */
    static final String WAITING = "SELECT channel, state, count(*) FROM queue_job"
            + " WHERE state IN ('wait_dependencies', 'pending', 'enqueued', 'started', 'failed')"
            + " GROUP BY channel, state";

    @Inject
    @QueueJobDataSource
    DataSource dataSource;

    /** What the readiness check reads in one round trip. */
    public record DatabaseState(
            long failedMigrations, String schemaVersion, String leader, Instant leaderSince, boolean leaderAlive) {}

    /** One row of the waiting-jobs gauge. */
    public record Waiting(String channel, String state, long count) {}

    public DatabaseState database(long deadAfterSeconds) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var query = connection.prepareStatement(DATABASE)) {
            query.setQueryTimeout(TIMEOUT_SECONDS);
            query.setLong(1, deadAfterSeconds);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                OffsetDateTime since = row.getObject(4, OffsetDateTime.class);
                return new DatabaseState(
                        row.getLong(1),
                        row.getString(2),
                        row.getString(3),
                        since == null ? null : since.toInstant(),
                        row.getLong(5) > 0);
            }
        }
    }

    public List<Waiting> waiting() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement query = connection.createStatement()) {
            query.setQueryTimeout(TIMEOUT_SECONDS);
            List<Waiting> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery(WAITING)) {
                while (row.next()) {
                    rows.add(new Waiting(row.getString(1), row.getString(2), row.getLong(3)));
                }
            }
            return rows;
        }
    }
}
