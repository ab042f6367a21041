package org.queuejob.bench.peer;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.bench.phase.RunLog;
import org.queuejob.dev.DatabaseSettings;

/**
 * The least a hand-written queue on PostgreSQL does: batched inserts; worker threads that each claim one job (an
 * {@code UPDATE} of the first pending row by priority and age, {@code FOR UPDATE SKIP LOCKED}, committed), run it,
 * and mark it done (a second transaction). A thread that finds nothing sleeps for a short idle interval. No
 * framework, no serialisation, no job code.
 */
final class RawJdbcSystem implements PeerSystem {

    private static final Logger LOG = Logger.getLogger(RawJdbcSystem.class.getName());

    /** How long a worker that found no job waits before it looks again. */
    static final Duration IDLE_SLEEP = Duration.ofMillis(Long.getLong("bench.raw.idleSleepMs", 50));

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS raw_job (
                id bigserial PRIMARY KEY, state varchar(20) NOT NULL, priority int NOT NULL,
                date_created timestamptz NOT NULL DEFAULT now(), date_started timestamptz, date_done timestamptz,
                arguments jsonb NOT NULL, result text);
            CREATE INDEX IF NOT EXISTS raw_job_pending ON raw_job (priority, date_created, id) WHERE state = 'pending'""";

    private static final String INSERT =
            "INSERT INTO raw_job (state, priority, arguments) VALUES ('pending', 10, ?::jsonb)";

    private static final String CLAIM = """
            UPDATE raw_job SET state = 'started', date_started = now()
             WHERE id = (SELECT id FROM raw_job WHERE state = 'pending'
                          ORDER BY priority, date_created, id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id, arguments""";

    private static final String COMPLETE =
            "UPDATE raw_job SET state = 'done', date_done = now(), result = 'ok' WHERE id = ?";

    private final HikariDataSource dataSource;
    private final int threads;
    private final RunLog log;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    RawJdbcSystem(DatabaseSettings database, int threads, RunLog log) throws SQLException {
        this.threads = threads;
        this.log = log;
        // A connection per worker and one for the producer.
        this.dataSource = Pools.hikari(database, threads + 1);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(SCHEMA);
        }
    }

    static String describe(int threads) {
        return String.format(
                Locale.ROOT,
                "%d threads, each: claim one job (UPDATE ... WHERE id = (SELECT ... ORDER BY priority, date_created, id"
                        + " LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING, commit), then mark it done (UPDATE, commit):"
                        + " two transactions per job; %d ms sleep when no job is found; inserts batched (100 or"
                        + " 1,000 per transaction); partial index on pending jobs; done rows kept",
                threads,
                IDLE_SLEEP.toMillis());
    }

    @Override
    public void store(int first, int count) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                insert.setString(1, "[" + (first + i) + "]");
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    @Override
    public void startWorkers() {
        if (running) {
            return;
        }
        running = true;
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(this::work, "raw-worker-" + t);
            workers.add(worker);
            worker.start();
        }
    }

    @Override
    public void stopWorkers() throws InterruptedException {
        running = false;
        for (Thread worker : workers) {
            worker.join();
        }
        workers.clear();
    }

    private void work() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(CLAIM);
                PreparedStatement complete = connection.prepareStatement(COMPLETE)) {
            connection.setAutoCommit(false);
            while (running) {
                long id;
                try (ResultSet job = claim.executeQuery()) {
                    id = job.next() ? job.getLong(1) : -1;
                }
                connection.commit();
                if (id < 0) {
                    Thread.sleep(IDLE_SLEEP.toMillis());
                    continue;
                }
                log.started();
                complete.setLong(1, id);
                complete.executeUpdate();
                connection.commit();
            }
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "Raw worker failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopWorkers();
        dataSource.close();
    }
}
