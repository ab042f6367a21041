package org.queuejob.infrastructure.autovacuum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.autovacuum.AutovacuumRefusedException;
import org.queuejob.domain.model.autovacuum.AutovacuumRun;
import org.queuejob.domain.model.autovacuum.AutovacuumRunningException;
import org.queuejob.domain.model.autovacuum.AutovacuumRuns;
import org.queuejob.domain.model.autovacuum.RunOutcome;
import org.queuejob.domain.model.job.StoredText;
import org.queuejob.infrastructure.config.WorkerIdentity;
import org.queuejob.infrastructure.persistence.QueueJobDataSource;

/**
 * Run records in {@code queue_job_autovacuum_run}, plain JDBC on the queue's data source. The guard is the table's
 * unique partial index on running rows: a claim is an {@code INSERT ... ON CONFLICT DO NOTHING}, so of any number of
 * servers claiming at once exactly one gets a row back. Statements join the caller's transaction when there is one
 * (a chunk), and commit on their own otherwise.
 */
@ApplicationScoped
public class JdbcAutovacuumRuns implements AutovacuumRuns {

    static final String COLUMNS = "id, started_at, started_by, server, as_of, outcome, reason, finished_at,"
            + " rows_deleted, chunks, working_ms, chunk_size, max_duty, execution_id";

    static final String INSERT = """
            INSERT INTO queue_job_autovacuum_run (started_at, started_by, server, as_of, outcome, chunk_size, max_duty)
            VALUES (?, ?, ?, ?, 'running', ?, ?)
            ON CONFLICT DO NOTHING
            RETURNING\s""" + COLUMNS;

    /** The running run, and whether its server has been silent for longer than the dead-after delay. */
    static final String RUNNING = "SELECT " + COLUMNS + ", heartbeat_at,"
            + " heartbeat_at < now() - make_interval(secs => ?) AS dead"
            + " FROM queue_job_autovacuum_run WHERE outcome = 'running'";

    /** Only if it has not beaten since it was judged dead, so a late beat wins over the takeover. */
    static final String TAKE_OVER = """
            UPDATE queue_job_autovacuum_run SET outcome = 'failed', finished_at = ?, reason = ?
             WHERE id = ? AND outcome = 'running' AND heartbeat_at = ?""";

    static final String RECLAIM = """
            UPDATE queue_job_autovacuum_run SET outcome = 'running', reason = NULL, finished_at = NULL,
                   heartbeat_at = now()
             WHERE id = ? AND outcome IN ('stopped', 'failed')
            RETURNING\s""" + COLUMNS;

    static final String EXECUTION = "UPDATE queue_job_autovacuum_run SET execution_id = ? WHERE id = ?";

    static final String BEAT =
            "UPDATE queue_job_autovacuum_run SET heartbeat_at = now() WHERE id = ? AND outcome = 'running'";

    static final String ADD_DELETED =
            "UPDATE queue_job_autovacuum_run SET rows_deleted = rows_deleted + ? WHERE id = ? AND outcome = 'running'";

    static final String CHUNK_DONE = """
            UPDATE queue_job_autovacuum_run SET chunks = chunks + 1, working_ms = working_ms + ?, heartbeat_at = now()
             WHERE id = ? AND outcome = 'running'""";

    static final String FINISH = """
            UPDATE queue_job_autovacuum_run SET outcome = ?, reason = ?, finished_at = ?
             WHERE id = ? AND outcome = 'running'""";

    static final String FIND = "SELECT " + COLUMNS + " FROM queue_job_autovacuum_run WHERE id = ?";

    static final String LATEST = "SELECT " + COLUMNS + " FROM queue_job_autovacuum_run ORDER BY id DESC LIMIT ?";

    static final String TAKEN_OVER =
            "%s stopped beating during the run (last heartbeat %s UTC, %d jobs deleted); taken over by %s";

    /** PostgreSQL's unique_violation: here, the one-running index. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final int REASON_LENGTH = 1000;
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Logger LOG = Logger.getLogger(JdbcAutovacuumRuns.class.getName());

    @Inject
    @QueueJobDataSource
    DataSource dataSource;

    @Inject
    WorkerIdentity server;

    @Override
    public AutovacuumRun claim(String startedBy, Instant asOf, AutovacuumPace pace, Duration deadAfter, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            // A few rounds: the running run may end, or be taken over by someone else, between two statements.
            for (int round = 0; round < 3; round++) {
                if (takeOverIfDead(connection, deadAfter, now)) {
                    continue;
                }
                Optional<AutovacuumRun> running = running(connection, deadAfter);
                if (running.isPresent()) {
                    throw new AutovacuumRunningException(running.get());
                }
                // The guard itself: of any number of servers inserting at once, one gets its row back.
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    Jdbc.setInstant(insert, 1, now);
                    insert.setString(2, startedBy);
                    insert.setString(3, server.name());
                    Jdbc.setInstant(insert, 4, asOf);
                    insert.setInt(5, pace.chunkSize());
                    insert.setDouble(6, pace.maxDuty());
                    try (ResultSet row = insert.executeQuery()) {
                        if (row.next()) {
                            return run(row);
                        }
                    }
                }
            }
            throw new AutovacuumRunningException(running(connection, deadAfter)
                    .orElseThrow(
                            () -> new IllegalStateException("The autovacuum guard is busy; try again in a moment.")));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the autovacuum run: " + e.getMessage(), e);
        }
    }

    @Override
    public AutovacuumRun reclaim(long runId, Duration deadAfter, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            takeOverIfDead(connection, deadAfter, now);
            try (PreparedStatement reclaim = connection.prepareStatement(RECLAIM)) {
                reclaim.setLong(1, runId);
                try (ResultSet row = reclaim.executeQuery()) {
                    if (row.next()) {
                        return run(row);
                    }
                }
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new AutovacuumRunningException(
                            running(connection, deadAfter).orElseThrow(() -> new IllegalStateException(e)));
                }
                throw e;
            }
            // Ended or resumed by someone else since the caller looked: a refusal to show, not a failure.
            throw new AutovacuumRefusedException(find(runId)
                    .map(run -> "Autovacuum run " + runId + " is "
                            + run.outcome().dbValue() + " now: only a stopped or failed run can be resumed.")
                    .orElse("There is no autovacuum run " + runId + "."));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not resume autovacuum run " + runId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Marks a running run whose server has been silent too long as failed: its server is gone. True if this call
     * ended such a run.
     */
    private boolean takeOverIfDead(Connection connection, Duration deadAfter, Instant now) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(RUNNING)) {
            query.setDouble(1, deadAfter.toMillis() / 1000.0);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next() || !row.getBoolean("dead")) {
                    return false;
                }
                AutovacuumRun dead = run(row);
                Instant heartbeat = Jdbc.getInstant(row, "heartbeat_at");
                String reason = String.format(
                        TAKEN_OVER, dead.server(), UTC.format(heartbeat), dead.rowsDeleted(), server.name());
                try (PreparedStatement takeOver = connection.prepareStatement(TAKE_OVER)) {
                    Jdbc.setInstant(takeOver, 1, now);
                    takeOver.setString(2, reason);
                    takeOver.setLong(3, dead.id());
                    takeOver.setObject(4, row.getObject("heartbeat_at"));
                    if (takeOver.executeUpdate() == 1) {
                        LOG.warning(() -> "Autovacuum run " + dead.id() + ": " + reason);
                    }
                    return true;
                }
            }
        }
    }

    private Optional<AutovacuumRun> running(Connection connection, Duration deadAfter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(RUNNING)) {
            query.setDouble(1, deadAfter.toMillis() / 1000.0);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(run(row)) : Optional.empty();
            }
        }
    }

    @Override
    public void executionStarted(long runId, long executionId) {
        update(EXECUTION, executionId, runId);
    }

    @Override
    public boolean holdForChunk(long runId) {
        return update(BEAT, runId) == 1;
    }

    @Override
    public void addDeleted(long runId, long jobs) {
        if (update(ADD_DELETED, jobs, runId) != 1) {
            throw new IllegalStateException("Autovacuum run " + runId + " is no longer the running one");
        }
    }

    @Override
    public boolean chunkDone(long runId, Duration working) {
        return update(CHUNK_DONE, working.toMillis(), runId) == 1;
    }

    @Override
    public boolean beat(long runId) {
        return update(BEAT, runId) == 1;
    }

    @Override
    public void finish(long runId, RunOutcome outcome, String reason, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement finish = connection.prepareStatement(FINISH)) {
            finish.setString(1, outcome.dbValue());
            finish.setString(2, reason == null ? null : truncate(reason));
            Jdbc.setInstant(finish, 3, now);
            finish.setLong(4, runId);
            finish.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the end of autovacuum run " + runId, e);
        }
    }

    @Override
    public Optional<AutovacuumRun> find(long runId) {
        List<AutovacuumRun> found = query(FIND, runId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<AutovacuumRun> latest(int count) {
        return query(LATEST, count);
    }

    private List<AutovacuumRun> query(String sql, long parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, parameter);
            List<AutovacuumRun> runs = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    runs.add(run(row));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read autovacuum runs", e);
        }
    }

    private int update(String sql, long... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setLong(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update an autovacuum run: " + e.getMessage(), e);
        }
    }

    private static AutovacuumRun run(ResultSet row) throws SQLException {
        return new AutovacuumRun(
                row.getLong("id"),
                Jdbc.getInstant(row, "started_at"),
                row.getString("started_by"),
                row.getString("server"),
                Jdbc.getInstant(row, "as_of"),
                RunOutcome.fromDbValue(row.getString("outcome")),
                row.getString("reason"),
                Jdbc.getInstant(row, "finished_at"),
                row.getLong("rows_deleted"),
                row.getInt("chunks"),
                row.getLong("working_ms"),
                new AutovacuumPace(row.getInt("chunk_size"), row.getDouble("max_duty")),
                row.getObject("execution_id", Long.class));
    }

    private static String truncate(String reason) {
        String line = reason.replaceAll("\\s+", " ").strip();
        return StoredText.shortened(line, REASON_LENGTH);
    }
}
