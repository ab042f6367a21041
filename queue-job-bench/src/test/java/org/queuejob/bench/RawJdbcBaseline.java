package org.queuejob.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.queuejob.dev.DatabaseSettings;

/**
 * (d) The least a job queue can do per job on this PostgreSQL: insert the row (batched, as the queue's enqueue
 * is), then claim and complete it in one transaction per job, with as many threads as the queue has workers. No
 * framework, no serialisation, no job code.
 */
final class RawJdbcBaseline {

    private static final String CREATE = """
            DROP TABLE IF EXISTS bench_raw_job;
            CREATE TABLE bench_raw_job (id bigserial PRIMARY KEY, state varchar(20) NOT NULL, priority int NOT NULL,
                date_created timestamptz NOT NULL DEFAULT now(), arguments jsonb NOT NULL, result text);
            CREATE INDEX bench_raw_job_pending ON bench_raw_job (priority, date_created, id) WHERE state = 'pending'""";

    private static final String INSERT =
            "INSERT INTO bench_raw_job (state, priority, arguments) VALUES ('pending', 10, ?::jsonb)";

    private static final String CLAIM_AND_COMPLETE = """
            UPDATE bench_raw_job SET state = 'done', result = 'ok'
             WHERE id = (SELECT id FROM bench_raw_job WHERE state = 'pending'
                          ORDER BY priority, date_created, id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id""";

    private final DatabaseSettings database;

    RawJdbcBaseline(DatabaseSettings database) {
        this.database = database;
    }

    /** Jobs per second for {@code n} jobs processed by {@code threads} threads. */
    double run(int n, int threads) throws Exception {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
        }
        long start = System.nanoTime();
        insert(n);
        AtomicInteger processed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    drain(processed);
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        if (processed.get() != n) {
            throw new IllegalStateException("Baseline processed " + processed.get() + " of " + n);
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private void insert(int n) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                insert.setString(1, "[" + i + "]");
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private void drain(AtomicInteger processed) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement claim = connection.prepareStatement(CLAIM_AND_COMPLETE)) {
            connection.setAutoCommit(false);
            while (true) {
                try (ResultSet row = claim.executeQuery()) {
                    boolean found = row.next();
                    connection.commit();
                    if (!found) {
                        return;
                    }
                    processed.incrementAndGet();
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
