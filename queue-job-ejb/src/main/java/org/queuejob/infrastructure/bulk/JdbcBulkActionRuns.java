package org.queuejob.infrastructure.bulk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.autovacuum.RunOutcome;
import org.queuejob.domain.model.bulk.BulkActionRun;
import org.queuejob.domain.model.bulk.BulkActionRuns;
import org.queuejob.domain.model.job.StoredText;
import org.queuejob.infrastructure.config.WorkerIdentity;
import org.queuejob.infrastructure.persistence.QueueJobDataSource;

/**
 * Bulk action records in {@code queue_job_bulk_action}, plain JDBC on the queue's data source. Statements join the
 * caller's transaction when there is one (a chunk: the counts and the checkpoint commit with the jobs' changes), and
 * commit on their own otherwise. Every change of a running action names its epoch.
 */
@ApplicationScoped
public class JdbcBulkActionRuns implements BulkActionRuns {

    static final String COLUMNS = "id, action, priority, channel, filter::text AS filter, filter_text,"
            + " selection IS NOT NULL AS is_selection, max_id, started_by, started_at, ended_at, outcome, reason,"
            + " stop_requested, matched, changed, skipped_state, skipped_gone, last_id, chunks, working_ms, chunk_size,"
            + " max_duty, server, epoch, executions, execution_id";

    static final String INSERT = """
            INSERT INTO queue_job_bulk_action (action, priority, channel, filter, filter_text, selection, max_id,
                   started_by, started_at, outcome, matched, chunk_size, max_duty, server)
            VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?)
            RETURNING\s""" + COLUMNS;

    static final String SELECTION_AFTER = """
            SELECT s.id FROM queue_job_bulk_action b, unnest(b.selection) AS s(id)
             WHERE b.id = ? AND s.id > ? ORDER BY s.id LIMIT ?""";

    static final String EXECUTION =
            "UPDATE queue_job_bulk_action SET execution_id = ? WHERE id = ? AND epoch = ? AND outcome = 'running'";

    /**
     * Holds the record for the chunk's transaction: a change of its epoch (a takeover, a restart's fence) waits until
     * the chunk has committed, then finds the epoch changed. {@code FOR KEY SHARE}, the weakest row lock: the epoch is a
     * key column for it ({@code V22}'s unique index), the stop flag, the execution id and the heartbeat are not, so a
     * manager's Stop never waits for a chunk held up by a locked job.
     */
    static final String HOLD = """
            SELECT true FROM queue_job_bulk_action
             WHERE id = ? AND epoch = ? AND outcome = 'running'
               FOR KEY SHARE""";

    static final String CHUNK_WRITTEN = """
            UPDATE queue_job_bulk_action
               SET last_id = ?, changed = changed + ?, skipped_state = skipped_state + ?, skipped_gone = skipped_gone + ?,
                   chunks = chunks + 1
             WHERE id = ? AND epoch = ? AND outcome = 'running'""";

    static final String CHUNK_DONE = """
            UPDATE queue_job_bulk_action SET working_ms = working_ms + ?, heartbeat_at = now()
             WHERE id = ? AND epoch = ? AND outcome = 'running'
            RETURNING stop_requested""";

    static final String BEAT = """
            UPDATE queue_job_bulk_action SET heartbeat_at = now()
             WHERE id = ? AND epoch = ? AND outcome = 'running'
            RETURNING stop_requested""";

    static final String REQUEST_STOP =
            "UPDATE queue_job_bulk_action SET stop_requested = true WHERE id = ? AND outcome = 'running'";

    /** A completed action counts the matched jobs it never reached (they left the filter meanwhile). */
    static final String FINISH = """
            UPDATE queue_job_bulk_action SET outcome = ?, reason = ?, ended_at = ?, stop_requested = false,
                   skipped_state = skipped_state + CASE WHEN ? = 'completed'
                       THEN GREATEST(0, matched - changed - skipped_state - skipped_gone) ELSE 0 END
             WHERE id = ? AND epoch = ? AND outcome = 'running'""";

    static final String RECLAIM = """
            UPDATE queue_job_bulk_action SET outcome = 'running', reason = NULL, ended_at = NULL, stop_requested = false,
                   epoch = epoch + 1, executions = executions + 1, server = ?, execution_id = NULL,
                   heartbeat_at = now()
             WHERE id = ? AND outcome IN ('stopped', 'failed')
            RETURNING\s""" + COLUMNS;

    static final String TAKE_OVER = """
            UPDATE queue_job_bulk_action SET epoch = epoch + 1, executions = executions + 1, server = ?,
                   execution_id = NULL, heartbeat_at = now()
             WHERE id = ? AND epoch = ? AND outcome = 'running'
            RETURNING\s""" + COLUMNS;

    static final String ORPHANED = "SELECT " + COLUMNS + " FROM queue_job_bulk_action WHERE outcome = 'running'"
            + " AND ((server = ? AND heartbeat_at < ?) OR heartbeat_at < now() - make_interval(secs => ?))"
            + " ORDER BY id";

    static final String FIND = "SELECT " + COLUMNS + " FROM queue_job_bulk_action WHERE id = ?";

    static final String LATEST = "SELECT " + COLUMNS + " FROM queue_job_bulk_action ORDER BY id DESC LIMIT ?";

    private static final int REASON_LENGTH = 1000;

    @Inject
    @QueueJobDataSource
    DataSource dataSource;

    @Inject
    WorkerIdentity server;

    @Override
    public BulkActionRun insert(NewAction action) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, action.action());
            insert.setObject(2, action.priority(), Types.INTEGER);
            insert.setString(3, action.channel());
            insert.setString(4, action.filter());
            insert.setString(5, truncate(action.filterText()));
            if (action.selection() == null) {
                insert.setNull(6, Types.ARRAY);
            } else {
                Long[] ids = new Long[action.selection().length];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = action.selection()[i];
                }
                insert.setArray(6, connection.createArrayOf("bigint", ids));
            }
            insert.setLong(7, action.maxId());
            insert.setString(8, action.startedBy());
            setInstant(insert, 9, action.startedAt());
            insert.setLong(10, action.matched());
            insert.setInt(11, action.chunkSize());
            insert.setDouble(12, action.maxDuty());
            insert.setString(13, server.name());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return run(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the bulk action: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Long> selectionAfter(long runId, long afterId, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(SELECTION_AFTER)) {
            query.setLong(1, runId);
            query.setLong(2, afterId);
            query.setInt(3, limit);
            List<Long> ids = new ArrayList<>(limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the selection of bulk action " + runId, e);
        }
    }

    @Override
    public void executionStarted(long runId, int epoch, long executionId) {
        update(EXECUTION, executionId, runId, epoch);
    }

    @Override
    public boolean holdForChunk(long runId, int epoch) {
        return returningFlag(HOLD, runId, epoch).isPresent();
    }

    @Override
    public void chunkWritten(long runId, int epoch, ChunkCounts counts) {
        int updated = update(
                CHUNK_WRITTEN,
                counts.lastId(),
                counts.changed(),
                counts.skippedState(),
                counts.skippedGone(),
                runId,
                epoch);
        if (updated != 1) {
            throw new IllegalStateException("Bulk action " + runId + " is no longer running as epoch " + epoch);
        }
    }

    @Override
    public Optional<Boolean> chunkDone(long runId, int epoch, Duration working) {
        return returningFlag(CHUNK_DONE, working.toMillis(), runId, epoch);
    }

    @Override
    public Optional<Boolean> beat(long runId, int epoch) {
        return returningFlag(BEAT, runId, epoch);
    }

    @Override
    public boolean requestStop(long runId) {
        return update(REQUEST_STOP, runId) == 1;
    }

    @Override
    public void finish(long runId, int epoch, RunOutcome outcome, String reason, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement finish = connection.prepareStatement(FINISH)) {
            finish.setString(1, outcome.dbValue());
            finish.setString(2, reason == null ? null : truncate(reason));
            setInstant(finish, 3, now);
            finish.setString(4, outcome.dbValue());
            finish.setLong(5, runId);
            finish.setInt(6, epoch);
            finish.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the end of bulk action " + runId, e);
        }
    }

    @Override
    public Optional<BulkActionRun> reclaim(long runId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement reclaim = connection.prepareStatement(RECLAIM)) {
            reclaim.setString(1, server.name());
            reclaim.setLong(2, runId);
            return first(reclaim);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not resume bulk action " + runId, e);
        }
    }

    @Override
    public Optional<BulkActionRun> takeOver(long runId, int seenEpoch) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement takeOver = connection.prepareStatement(TAKE_OVER)) {
            takeOver.setString(1, server.name());
            takeOver.setLong(2, runId);
            takeOver.setInt(3, seenEpoch);
            return first(takeOver);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take over bulk action " + runId, e);
        }
    }

    @Override
    public List<BulkActionRun> orphaned(Instant restartedAt, Duration deadAfter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(ORPHANED)) {
            query.setString(1, server.name());
            setInstant(query, 2, restartedAt);
            query.setDouble(3, deadAfter.toMillis() / 1000.0);
            return all(query);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the running bulk actions", e);
        }
    }

    @Override
    public Optional<BulkActionRun> find(long runId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(FIND)) {
            query.setLong(1, runId);
            return first(query);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read bulk action " + runId, e);
        }
    }

    @Override
    public List<BulkActionRun> latest(int count) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(LATEST)) {
            query.setInt(1, count);
            return all(query);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the bulk actions", e);
        }
    }

    private Optional<Boolean> returningFlag(String sql, long... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setLong(i + 1, parameters[i]);
            }
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? Optional.of(row.getBoolean(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update a bulk action: " + e.getMessage(), e);
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
            throw new IllegalStateException("Could not update a bulk action: " + e.getMessage(), e);
        }
    }

    private static Optional<BulkActionRun> first(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.of(run(row)) : Optional.empty();
        }
    }

    private static List<BulkActionRun> all(PreparedStatement statement) throws SQLException {
        List<BulkActionRun> runs = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                runs.add(run(row));
            }
        }
        return runs;
    }

    private static BulkActionRun run(ResultSet row) throws SQLException {
        return new BulkActionRun(
                row.getLong("id"),
                row.getString("action"),
                row.getObject("priority", Integer.class),
                row.getString("channel"),
                row.getString("filter"),
                row.getString("filter_text"),
                row.getBoolean("is_selection"),
                row.getLong("max_id"),
                row.getString("started_by"),
                getInstant(row, "started_at"),
                getInstant(row, "ended_at"),
                RunOutcome.fromDbValue(row.getString("outcome")),
                row.getString("reason"),
                row.getBoolean("stop_requested"),
                row.getLong("matched"),
                row.getLong("changed"),
                row.getLong("skipped_state"),
                row.getLong("skipped_gone"),
                row.getLong("last_id"),
                row.getInt("chunks"),
                row.getLong("working_ms"),
                new AutovacuumPace(row.getInt("chunk_size"), row.getDouble("max_duty")),
                row.getString("server"),
                row.getInt("epoch"),
                row.getInt("executions"),
                row.getObject("execution_id", Long.class));
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : instant.atOffset(ZoneOffset.UTC));
    }

    private static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return StoredText.shortened(line, REASON_LENGTH);
    }
}
