package org.queuejob.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.queuejob.dev.DatabaseSettings;

/**
 * The one PostgreSQL every system runs on, seen from an administrator's connection to its {@code postgres}
 * database: databases created per system, the settings read back, and the counters a phase is measured with.
 */
final class PostgresServer implements AutoCloseable {

    /** The server parameters the benchmark needs: durable commits, and statements counted. */
    static final Map<String, String> SERVER_CONFIG = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "shared_preload_libraries", "pg_stat_statements",
            "pg_stat_statements.max", "10000",
            // Planning counted apart from execution: a statement planned on every call shows plans = calls.
            "pg_stat_statements.track_planning", "on");

    static final List<String> SHOWN = List.of(
            "server_version", "fsync", "synchronous_commit", "full_page_writes", "shared_buffers", "max_wal_size");

    /** Transaction control is counted apart, as commits; statements are what the system asked for. */
    private static final String STATEMENTS = """
            SELECT coalesce(sum(s.calls), 0) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
             WHERE d.datname = ? AND s.query !~* '^\\s*(begin|commit|rollback|start transaction|end)\\M'""";

    private final DatabaseSettings admin;
    private final Connection connection;

    PostgresServer(DatabaseSettings anyDatabase) throws SQLException {
        this.admin = anyDatabase.withDatabase("postgres");
        this.connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
        execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }

    /** A fresh database (dropped first if a previous run left it) with pg_stat_statements. */
    DatabaseSettings createDatabase(String name) throws SQLException {
        dropDatabase(name);
        execute("CREATE DATABASE " + name);
        return enableStatements(name);
    }

    /** Adds pg_stat_statements to a database created elsewhere (the queue's, made by the dev environment). */
    DatabaseSettings enableStatements(String name) throws SQLException {
        DatabaseSettings database = admin.withDatabase(name);
        try (Connection other = DriverManager.getConnection(database.jdbcUrl(), admin.user(), admin.password());
                Statement statement = other.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        return database;
    }

    /**
     * Fresh planner statistics for every table of {@code database}. A phase starts seconds after its jobs were
     * stored, before PostgreSQL's own autovacuum (every minute) has looked at them, and a plan made on the counts of
     * the table before may be a poor one: run U's db-scheduler burn-down ran at 154 jobs/s, its lock-and-fetch taking
     * 6.3 ms of PostgreSQL per job (every earlier run: 3,600–6,600 jobs/s). Each system gets them before each burn-down.
     */
    void analyze(String database) throws SQLException {
        try (Connection other = DriverManager.getConnection(
                        admin.withDatabase(database).jdbcUrl(), admin.user(), admin.password());
                Statement statement = other.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    void dropDatabase(String name) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** The parameters in {@link #SHOWN}, as the server reports them. */
    Map<String, String> settings() throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : SHOWN) {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SHOW " + name)) {
                row.next();
                values.put(name, row.getString(1));
            }
        }
        return values;
    }

    /**
     * The postmaster's process id, from its pid file, when the server runs on this machine (the embedded one);
     * empty otherwise, and PostgreSQL's CPU is then not measured.
     */
    OptionalLong postmasterPid() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SHOW data_directory")) {
            row.next();
            Path pidFile = Path.of(row.getString(1), "postmaster.pid");
            return OptionalLong.of(
                    Long.parseLong(Files.readAllLines(pidFile).get(0).strip()));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** A sampler of what {@code database}'s backends wait for, when asked ({@code -Dbench.waits=true}); else null. */
    WaitSampler waitSampler(String database) throws SQLException {
        return WaitSampler.startIfAsked(admin, database);
    }

    void resetStatements() throws SQLException {
        execute("SELECT pg_stat_statements_reset()");
    }

    /** Statement calls in {@code database} since the last reset, transaction control left out. */
    long statements(String database) throws SQLException {
        return queryLong(STATEMENTS, database);
    }

    /**
     * A statement as pg_stat_statements counts it: calls, time spent executing it (waits included), how often and how
     * long it was planned, the WAL it wrote (bytes, full-page images), the shared buffers it had to read in (not in
     * PostgreSQL's cache), dirtied and wrote out itself (to make room), its text.
     */
    record StatementTime(
            long calls,
            double millis,
            long plans,
            double planMillis,
            long walBytes,
            long walFullPages,
            long blocksRead,
            long blocksDirtied,
            long blocksWritten,
            String query) {}

    /** The {@code limit} most called statements of {@code database} since the last reset, transaction control too. */
    List<StatementTime> topStatements(String database, int limit) throws SQLException {
        List<StatementTime> lines = new java.util.ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT s.calls, s.total_exec_time, s.plans, s.total_plan_time, s.wal_bytes, s.wal_fpi,
                       s.shared_blks_read, s.shared_blks_dirtied, s.shared_blks_written,
                       regexp_replace(s.query, '\\s+', ' ', 'g')
                  FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                 WHERE d.datname = ? ORDER BY s.calls DESC LIMIT ?""")) {
            statement.setString(1, database);
            statement.setInt(2, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String query = rows.getString(10);
                    lines.add(new StatementTime(
                            rows.getLong(1),
                            rows.getDouble(2),
                            rows.getLong(3),
                            rows.getDouble(4),
                            rows.getLong(5),
                            rows.getLong(6),
                            rows.getLong(7),
                            rows.getLong(8),
                            rows.getLong(9),
                            query.substring(0, Math.min(140, query.length()))));
                }
            }
        }
        return lines;
    }

    /**
     * Time PostgreSQL spent executing {@code database}'s statements since the last reset (ms): the statements the
     * system asked for, and transaction control apart (a COMMIT's time is mostly its wait for the WAL flush).
     */
    double[] executionMillis(String database) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT coalesce(sum(s.total_exec_time) FILTER (WHERE s.query !~* '^\\s*(begin|commit|rollback|start transaction|end)\\M'), 0),
                       coalesce(sum(s.total_exec_time) FILTER (WHERE s.query ~* '^\\s*(begin|commit|rollback|start transaction|end)\\M'), 0)
                  FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = ?""")) {
            statement.setString(1, database);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new double[] {row.getDouble(1), row.getDouble(2)};
            }
        }
    }

    /** Committed transactions of {@code database} (read-only ones included), as flushed so far. */
    long commits(String database) throws SQLException {
        return queryLong("SELECT xact_commit FROM pg_stat_database WHERE datname = ?", database);
    }

    private long queryLong(String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
