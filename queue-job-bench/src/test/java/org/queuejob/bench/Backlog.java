package org.queuejob.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.queuejob.dev.DatabaseSettings;

/**
 * Fills the job table with waiting no-op jobs straight in SQL: a million enqueues through the application would take
 * minutes and measure the enqueue again, while what is measured here is dispatch with a big table.
 */
final class Backlog {

    static final String FUNCTION = "org.queuejob.bench.NoopJobs.noop";

    private static final String FILL = """
            INSERT INTO queue_job (id, uuid, description, job_function, arguments, state, priority, max_retries,
                                   channel, date_created)
            SELECT nextval('queue_job_seq'), gen_random_uuid(), 'Backlog', ?, '[0]', 'pending', 10, 5, 'root',
                   now() + make_interval(secs => n / 1000000.0)
              FROM generate_series(1, ?) AS n""";

    private static final String CANCEL_WAITING = """
            UPDATE queue_job SET state = 'cancelled', result = 'Cancelled by the benchmark'
             WHERE state = 'pending' AND job_function = ?""";

    private final DatabaseSettings database;

    Backlog(DatabaseSettings database) {
        this.database = database;
    }

    void add(int jobs) throws SQLException {
        execute(FILL, jobs);
    }

    void cancelWaiting() throws SQLException {
        execute(CANCEL_WAITING, null);
    }

    private void execute(String sql, Integer count) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, FUNCTION);
            if (count != null) {
                statement.setInt(2, count);
            }
            statement.executeUpdate();
        }
    }
}
