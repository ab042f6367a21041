package org.queuejob.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.IntConsumer;
import org.queuejob.dev.DatabaseSettings;

/**
 * The only SQL the benchmark writes into the queue's job table: fills for the age phases, straight in SQL, since a
 * million enqueues through the application would take minutes and measure the enqueue again, and their removal.
 * Only columns the queue keeps whatever its indexes become are named; the others take their defaults.
 */
final class JobTable {

    /** The no-op job's function name, as the queue records it (class name + method). */
    static final String NOOP_FUNCTION = "org.queuejob.bench.NoopJobs.noop";

    /** History rows are spread over this many days back from now, the newest last. */
    static final int HISTORY_DAYS = 60;

    static final int HISTORY_CHANNELS = 10;
    static final int HISTORY_FUNCTIONS = 20;

    /** Rows per statement of the history fill: a transaction each, and a progress line each. */
    static final int HISTORY_CHUNK = 500_000;

    private static final String WAITING = """
            INSERT INTO queue_job (id, uuid, description, job_function, arguments, state, priority, max_retries,
                                   channel, date_created)
            SELECT nextval('queue_job_seq'), gen_random_uuid(), 'Backlog', ?, '[0]', 'pending', 10, 5, 'root',
                   now() + make_interval(secs => n / 1000000.0)
              FROM generate_series(1, ?) AS n""";

    /**
     * Done (90 %) and cancelled (10 %) jobs spread over channels and job functions, created from some days ago to now
     * in the order of n (as a live queue writes them). Parameters: functions, channels, total rows, days, first and
     * last n of this chunk.
     */
    private static final String HISTORY = """
            INSERT INTO queue_job (id, uuid, description, job_function, arguments, state, priority, max_retries,
                                   channel, date_created, date_done, date_cancelled, exec_time_ms, result)
            SELECT nextval('queue_job_seq'), gen_random_uuid(), 'History', 'org.queuejob.bench.History.f' || n % ?,
                   '[]', CASE WHEN cancelled THEN 'cancelled' ELSE 'done' END, 10, 5, 'root.hist' || n % ?,
                   created,
                   CASE WHEN NOT cancelled THEN created + make_interval(secs => n % 2000 / 1000.0) END,
                   CASE WHEN cancelled THEN created + interval '1 minute' END,
                   CASE WHEN NOT cancelled THEN n % 2000 END,
                   CASE WHEN cancelled THEN 'Cancelled' ELSE 'ok' END
              FROM (SELECT n, n % 10 = 0 AS cancelled,
                           now() - make_interval(secs => (1 - n::float8 / ?) * ? * 86400) AS created
                      FROM generate_series(?::bigint, ?::bigint) AS n) AS history""";

    /** Failed no-op jobs in one channel, as a run of failures leaves them (for a bulk requeue). */
    private static final String FAILED = """
            INSERT INTO queue_job (id, uuid, description, job_function, arguments, state, priority, max_retries,
                                   retry, channel, date_created, date_started, exc_name, exc_message, exc_info)
            SELECT nextval('queue_job_seq'), gen_random_uuid(), 'Failed', ?, '[0]', 'failed', 10, 5, 5, ?,
                   now() + make_interval(secs => n / 1000000.0), now(), 'java.lang.IllegalStateException',
                   'Benchmark failure', 'java.lang.IllegalStateException: Benchmark failure'
              FROM generate_series(1, ?) AS n""";

    private static final String DELETE_WAITING =
            "DELETE FROM queue_job WHERE state = 'pending' AND channel = 'root' AND job_function = ?";

    private static final String DELETE_CHANNEL = "DELETE FROM queue_job WHERE channel = ?";

    private final DatabaseSettings database;

    JobTable(DatabaseSettings database) {
        this.database = database;
    }

    /** {@code jobs} pending no-op jobs in root, in one transaction. */
    void addWaiting(int jobs) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement(WAITING)) {
            insert.setString(1, NOOP_FUNCTION);
            insert.setInt(2, jobs);
            insert.executeUpdate();
        }
    }

    /** {@code jobs} failed no-op jobs in {@code channel}, in one transaction. */
    void addFailed(String channel, int jobs) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement(FAILED)) {
            insert.setString(1, NOOP_FUNCTION);
            insert.setString(2, channel);
            insert.setInt(3, jobs);
            insert.executeUpdate();
        }
    }

    /** Removes the no-op jobs still waiting in root (the workers must be held). */
    void deleteWaiting() throws SQLException {
        try (Connection connection = connect();
                PreparedStatement delete = connection.prepareStatement(DELETE_WAITING)) {
            delete.setString(1, NOOP_FUNCTION);
            delete.executeUpdate();
        }
    }

    /** Removes every job of a channel, whatever its state (the paused channel's jobs after the enqueue phase). */
    void deleteChannel(String channel) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement delete = connection.prepareStatement(DELETE_CHANNEL)) {
            delete.setString(1, channel);
            delete.executeUpdate();
        }
    }

    /**
     * Every job gone at once, the history included, with the files behind them (the workers must be idle): the table
     * is as young as before the history was filled, for the burn-downs that follow it in time.
     */
    void truncate() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            // Not to wait for ever behind a lock some server session would hold by mistake.
            statement.execute("SET lock_timeout = '30s'");
            // Nothing to vacuum after it, and the meter analyzes the database before each burn-down.
            statement.execute("TRUNCATE queue_job CASCADE");
        }
    }

    /** {@code rows} ended jobs, in chunks; {@code progress} gets the rows written so far after each chunk. */
    void addHistory(int rows, IntConsumer progress) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement(HISTORY)) {
            for (long first = 1; first <= rows; first += HISTORY_CHUNK) {
                long last = Math.min(rows, first + HISTORY_CHUNK - 1);
                insert.setInt(1, HISTORY_FUNCTIONS);
                insert.setInt(2, HISTORY_CHANNELS);
                insert.setLong(3, rows);
                insert.setInt(4, HISTORY_DAYS);
                insert.setLong(5, first);
                insert.setLong(6, last);
                insert.executeUpdate();
                progress.accept((int) last);
            }
        }
    }

    /** A trial's statements (see {@code -Dbench.queue.sql}), run as given, one transaction. */
    void runTrial(String statements) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(statements);
        }
    }

    /** What an operator runs after a mass load: dead tuples gone, statistics fresh, visibility map set. */
    void vacuumAnalyze() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE queue_job");
        }
    }

    /** Writes every dirty buffer now, so that the phases after a fill do not pay for the fill's writes. */
    void checkpoint() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
