package org.queuejob.it.bulk;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.queuejob.infrastructure.persistence.QueueJobDataSource;

/**
 * Jobs for bulk actions, stored straight into the queue's table, and a change log that proves how often each job
 * changed: a trigger records every state change of a job of a {@value #PREFIX}… channel, so that a job changed twice
 * (read again by a resumed execution) shows as two rows. The jobs' function is recorded as another deployment would,
 * but no server has it, so no dispatcher touches the requeued jobs.
 */
@ApplicationScoped
public class BulkJobs {

    public static final String PREFIX = "root.bulk-it-";

    static final String FUNCTION = "org.queuejob.it.bulk.Fixture.job";

    private static final AtomicLong IDS =
            new AtomicLong(6_000_000_000_000L + System.currentTimeMillis() % 1_000_000 * 1_000_000);

    private static final String INSERT_MANY = """
            INSERT INTO queue_job (id, uuid, description, job_function, arguments, state, priority, retry,
                                   max_retries, channel, date_created, exc_name, exc_message)
            SELECT ? + n, gen_random_uuid(), 'Bulk fixture ' || n, ?, '[]', ?, 10, 3, 5, ?,
                   now() - n * interval '1 millisecond', 'java.lang.IllegalStateException', 'Fixture failure ' || n
              FROM generate_series(1, ?) AS n""";

    private static final String[] CHANGE_LOG = {
        "CREATE TABLE IF NOT EXISTS bulk_it_change (job_id bigint NOT NULL, from_state varchar(20),"
                + " to_state varchar(20), at timestamptz NOT NULL DEFAULT clock_timestamp())",
        """
        CREATE OR REPLACE FUNCTION bulk_it_log() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO bulk_it_change (job_id, from_state, to_state) VALUES (NEW.id, OLD.state, NEW.state);
            RETURN NEW;
        END $$""",
        "DROP TRIGGER IF EXISTS bulk_it_log ON queue_job",
        "CREATE TRIGGER bulk_it_log AFTER UPDATE ON queue_job FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM"
                + " NEW.state AND NEW.channel LIKE 'root.bulk-it-%') EXECUTE FUNCTION bulk_it_log()"
    };

    @Inject
    @QueueJobDataSource
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @PostConstruct
    void registerTheFixtureFunction() {
        execute(
                "INSERT INTO queue_job_function (name, default_channel, registered_at) VALUES (?, 'root', now())"
                        + " ON CONFLICT (name) DO NOTHING",
                FUNCTION);
    }

    public void installChangeLog() {
        for (String statement : CHANGE_LOG) {
            execute(statement);
        }
    }

    public void removeChangeLog() {
        execute("DROP TRIGGER IF EXISTS bulk_it_log ON queue_job");
    }

    /** {@code count} jobs of {@code channel} in {@code state} (failed: 3 tries, an exception); their ids. */
    public List<Long> many(String channel, String state, int count) {
        long first = IDS.getAndAdd(count + 1L);
        execute(INSERT_MANY, first, FUNCTION, state, channel, count);
        List<Long> ids = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            ids.add(first + n);
        }
        return ids;
    }

    /** Jobs of {@code channel} in {@code state}. */
    public long count(String channel, String state) {
        return longs("SELECT count(*) FROM queue_job WHERE channel = ? AND state = ?", channel, state)
                .get(0);
    }

    /** Jobs of {@code channel} whose state changed to {@code state} other than exactly once (the change log's rows). */
    public long changedOtherThanOnce(String channel, String state) {
        return longs("""
                        SELECT count(*) FROM (
                            SELECT j.id, count(c.job_id) AS changes FROM queue_job j
                              LEFT JOIN bulk_it_change c ON c.job_id = j.id AND c.to_state = ?
                             WHERE j.channel = ? GROUP BY j.id) AS per_job
                         WHERE changes <> 1""", state, channel).get(0);
    }

    /** Changes to {@code state} logged for the jobs of {@code channel}. */
    public long changes(String channel, String state) {
        return longs(
                        "SELECT count(*) FROM bulk_it_change c JOIN queue_job j ON j.id = c.job_id"
                                + " WHERE j.channel = ? AND c.to_state = ?",
                        channel,
                        state)
                .get(0);
    }

    /**
     * The action's count of changed jobs and the number of jobs of {@code channel} now in {@code state}, read by one
     * statement, so from one snapshot of the database: equal at every moment if and only if each chunk counts its jobs
     * in the transaction that changes them.
     */
    public long[] countedAndChanged(long actionId, String channel, String state) {
        List<Long> row = longs("""
                SELECT b.changed FROM queue_job_bulk_action b WHERE b.id = ?
                UNION ALL
                SELECT count(*) FROM queue_job WHERE channel = ? AND state = ?""", actionId, channel, state);
        return new long[] {row.get(0), row.get(1)};
    }

    /** The requeued (pending) jobs of {@code channel} fail again, as if they had run and failed meanwhile. */
    public void failAgain(String channel) {
        execute("UPDATE queue_job SET state = 'failed' WHERE channel = ? AND state = 'pending'", channel);
    }

    /**
     * What another server's takeover followed by that server's death leaves: a new epoch (the execution running here
     * is fenced off: it changes nothing more), the other server's name and a heartbeat an hour old. In the same
     * transaction, after the chunk in flight has committed (its transaction holds the record's row), the jobs requeued
     * so far fail again. Returns the action's count of changed jobs at that moment.
     */
    public long loseServerAndFailAgain(long actionId, String elsewhere, String channel) {
        return fenceAndFailAgain(
                "UPDATE queue_job_bulk_action SET epoch = epoch + 1, server = ?,"
                        + " heartbeat_at = now() - interval '1 hour' WHERE id = ? RETURNING changed",
                elsewhere,
                actionId,
                channel);
    }

    /**
     * What a restart of this server leaves: the action's execution gone (fenced off by a new epoch), its record running
     * under this server's name with its last heartbeat at {@code lastBeat}. The jobs requeued so far fail again in the
     * same transaction. Returns the action's count of changed jobs at that moment.
     */
    public long leftByARestart(long actionId, String channel, Instant lastBeat) {
        return fenceAndFailAgain(
                "UPDATE queue_job_bulk_action SET epoch = epoch + 1, heartbeat_at = ? WHERE id = ? RETURNING changed",
                lastBeat.atOffset(ZoneOffset.UTC),
                actionId,
                channel);
    }

    private long fenceAndFailAgain(String fence, Object first, long actionId, String channel) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lose = connection.prepareStatement(fence)) {
                lose.setObject(1, first);
                lose.setLong(2, actionId);
                long changed;
                try (ResultSet row = lose.executeQuery()) {
                    row.next();
                    changed = row.getLong(1);
                }
                try (PreparedStatement fail = connection.prepareStatement(
                        "UPDATE queue_job SET state = 'failed' WHERE channel = ? AND state = 'pending'")) {
                    fail.setString(1, channel);
                    fail.executeUpdate();
                }
                connection.commit();
                return changed;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not fence bulk action " + actionId, e);
        }
    }

    /** As if the action had not beaten for an hour (its chunk held up that long): lost, to the other servers. */
    public void silentForAnHour(long actionId) {
        execute("UPDATE queue_job_bulk_action SET heartbeat_at = now() - interval '1 hour' WHERE id = ?", actionId);
    }

    /** Whole seconds since the action's last beat, as the other servers' sweeps compare it with dead-after. */
    public long secondsSinceBeat(long actionId) {
        return longs(
                        "SELECT CAST(extract(epoch FROM now() - heartbeat_at) AS bigint) FROM queue_job_bulk_action"
                                + " WHERE id = ?",
                        actionId)
                .get(0);
    }

    /** Runs {@code work} on a managed thread of the server, so that the test can watch whether it waits. */
    public <T> Future<T> inTheBackground(Callable<T> work) {
        return executor.submit(work);
    }

    /** Ends an action's record (the test's clean-up), so that no sweep resumes it later. */
    public void end(long actionId) {
        execute(
                "UPDATE queue_job_bulk_action SET outcome = 'stopped', reason = 'Ended by the test', ended_at = now(),"
                        + " epoch = epoch + 1 WHERE id = ? AND outcome = 'running'",
                actionId);
    }

    public void deleteChannel(String channel) {
        execute("DELETE FROM bulk_it_change WHERE job_id IN (SELECT id FROM queue_job WHERE channel = ?)", channel);
        execute("DELETE FROM queue_job WHERE channel = ?", channel);
    }

    private List<Long> longs(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = prepare(connection, sql, parameters);
                ResultSet row = query.executeQuery()) {
            List<Long> values = new ArrayList<>();
            while (row.next()) {
                values.add(row.getLong(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
