package org.queuejob.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.queuejob.dev.DatabaseSettings;

/**
 * What a system's busy backends were doing during its phase, by sampling pg_stat_activity every 10 ms
 * ({@code -Dbench.waits=true}, off by default: the sampling costs PostgreSQL a little CPU of its own). A statement's
 * time in pg_stat_statements counts its waits too; this says which: "CPU" for a backend running, else its wait event
 * (a lock, a buffer's content lock, the WAL, the client).
 */
final class WaitSampler implements AutoCloseable {

    private static final String SAMPLE = """
            SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU'), count(*)
              FROM pg_stat_activity
             WHERE datname = ? AND state = 'active' AND pid <> pg_backend_pid()
             GROUP BY 1""";

    private final Map<String, Long> samples = new TreeMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Connection connection;
    private final PreparedStatement sample;
    private long rounds;

    private WaitSampler(DatabaseSettings admin, String database) throws SQLException {
        connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
        sample = connection.prepareStatement(SAMPLE);
        sample.setString(1, database);
        timer.scheduleAtFixedRate(this::sampleOnce, 0, 10, TimeUnit.MILLISECONDS);
    }

    /** A sampler of {@code database}'s backends when {@code -Dbench.waits=true}, else null. */
    static WaitSampler startIfAsked(DatabaseSettings admin, String database) throws SQLException {
        return Boolean.getBoolean("bench.waits") ? new WaitSampler(admin, database) : null;
    }

    private synchronized void sampleOnce() {
        try (ResultSet rows = sample.executeQuery()) {
            rounds++;
            while (rows.next()) {
                samples.merge(rows.getString(1), rows.getLong(2), Long::sum);
            }
        } catch (SQLException e) {
            // a lost sample changes nothing
        }
    }

    /** The busy backends on average, by what they were doing, most first. */
    synchronized String summary() {
        if (rounds == 0) {
            return "no samples";
        }
        return samples.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue() / (double) rounds))
                .collect(Collectors.joining(", "));
    }

    @Override
    public void close() throws SQLException {
        timer.shutdownNow();
        synchronized (this) {
            connection.close();
        }
    }
}
