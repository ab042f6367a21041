package org.queuejob.it.autovacuum;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.queuejob.infrastructure.persistence.QueueJobDataSource;

/**
 * Jobs as the autovacuum finds them, stored straight into the queue's table with {@link #aJob(String)}: done,
 * cancelled, failed or still pending, alone or in a graph, with their dates. Their job function is recorded, as if
 * another deployment had registered it, but no server has it, so no dispatcher ever touches them. Ids come from a range far above the sequence's and other fixtures'.
 */
@ApplicationScoped
public class FinishedJobs {

    static final String FUNCTION = "org.queuejob.it.autovacuum.Fixture.job";

    private static final AtomicLong IDS =
            new AtomicLong(5_000_000_000_000L + System.currentTimeMillis() % 1_000_000 * 1_000_000);

    private static final String INSERT = """
            INSERT INTO queue_job (id, uuid, graph_uuid, description, job_function, arguments, state, priority,
                                   retry, max_retries, channel, date_created, date_done, date_cancelled)
            VALUES (?, gen_random_uuid(), ?, 'Autovacuum fixture', ?, '[]', ?, 10, 1, 5, ?, ?, ?, ?)""";

    private static final String INSERT_MANY = """
            INSERT INTO queue_job (id, uuid, description, job_function, arguments, state, priority, retry,
                                   max_retries, channel, date_created, date_done)
            SELECT ? + n, gen_random_uuid(), 'Autovacuum fixture ' || n, ?, '[]', 'done', 10, 1, 5, ?,
                   ? - n * interval '1 second' - interval '1 minute', ? - n * interval '1 second'
              FROM generate_series(1, ?) AS n""";

    @Inject
    @QueueJobDataSource
    DataSource dataSource;

    /** The fixtures' function, recorded as another deployment would: its pending jobs wait, they do not fail. */
    @PostConstruct
    void registerTheFixtureFunction() {
        execute(
                "INSERT INTO queue_job_function (name, default_channel, registered_at) VALUES (?, 'root', now())"
                        + " ON CONFLICT (name) DO NOTHING",
                FUNCTION);
    }

    public Builder aJob(String channel) {
        return new Builder(channel);
    }

    /** {@code count} done jobs of {@code channel}, alone, done a second apart, the newest at {@code doneAt}. */
    public List<Long> manyDone(String channel, int count, Instant doneAt) {
        long first = IDS.getAndAdd(count + 1L);
        execute(INSERT_MANY, first, FUNCTION, channel, utc(doneAt), utc(doneAt), count);
        List<Long> ids = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            ids.add(first + n);
        }
        return ids;
    }

    /** {@code child} waits for {@code parent}. */
    public void dependency(long parent, long child) {
        execute("INSERT INTO queue_job_dependency (parent_id, child_id) VALUES (?, ?)", parent, child);
    }

    /** Which of {@code ids} are still in the table. */
    public List<Long> remaining(List<Long> ids) {
        return longs("SELECT id FROM queue_job WHERE id = ANY (?) ORDER BY id", (Object) ids.toArray(Long[]::new));
    }

    /** Dependency rows that touch any of {@code ids}. */
    public long edges(List<Long> ids) {
        return longs(
                        "SELECT count(*) FROM queue_job_dependency WHERE parent_id = ANY (?) OR child_id = ANY (?)",
                        ids.toArray(Long[]::new),
                        ids.toArray(Long[]::new))
                .get(0);
    }

    /**
     * Removes what a test left (the jobs and channel records of every channel of its prefix), so later counts are
     * exact and the Channels screen of later tests is not cluttered.
     */
    public void deleteChannels(String prefix) {
        execute("DELETE FROM queue_job WHERE channel = ? OR channel LIKE ?", prefix, prefix + ".%");
        execute("DELETE FROM queue_job_channel WHERE complete_name = ? OR complete_name LIKE ?", prefix, prefix + ".%");
    }

    /** A run record as another server would have written it, still running, with a heartbeat {@code ago}. */
    public long runningElsewhere(String server, Duration heartbeatAgo) {
        return longs("""
                        INSERT INTO queue_job_autovacuum_run (started_at, started_by, server, as_of, outcome,
                                                              chunk_size, max_duty, heartbeat_at)
                        VALUES (now() - interval '2 hours', 'someone-elsewhere', ?, now(), 'running', 1000, 0.1,
                                now() - make_interval(secs => ?))
                        RETURNING id""", server, (double) heartbeatAgo.toSeconds()).get(0);
    }

    /** The run's server beat last {@code ago}. */
    public void lastBeat(long runId, Duration ago) {
        execute(
                "UPDATE queue_job_autovacuum_run SET heartbeat_at = now() - make_interval(secs => ?) WHERE id = ?",
                (double) ago.toSeconds(),
                runId);
    }

    /** Another server takes the run over (marks it failed), as a server finding it dead would. */
    public void takeOver(long runId, String reason) {
        execute(
                "UPDATE queue_job_autovacuum_run SET outcome = 'failed', reason = ?, finished_at = now() WHERE id = ?",
                reason,
                runId);
    }

    /** Removes the records of scheduled runs started before {@code instant} (left by earlier runs of a test). */
    public void deleteScheduledRunsBefore(Instant instant) {
        execute("DELETE FROM queue_job_autovacuum_run WHERE started_by = 'schedule' AND started_at < ?", utc(instant));
    }

    /** How many runs are running, in the whole database. */
    public long runningRuns() {
        return longs("SELECT count(*) FROM queue_job_autovacuum_run WHERE outcome = 'running'")
                .get(0);
    }

    public String reason(long runId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT reason FROM queue_job_autovacuum_run WHERE id = ?")) {
            query.setLong(1, runId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
            Object parameter = parameters[i];
            if (parameter instanceof Long[] array) {
                statement.setArray(i + 1, connection.createArrayOf("bigint", array));
            } else {
                statement.setObject(i + 1, parameter);
            }
        }
        return statement;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** One job: pending by default, created a minute before it ended (or at {@link #created}). */
    public final class Builder {
        private final String channel;
        private String state = "pending";
        private Instant created = Instant.now();
        private Instant done;
        private Instant cancelled;
        private UUID graph;

        private Builder(String channel) {
            this.channel = channel;
        }

        public Builder doneAt(Instant at) {
            this.state = "done";
            this.done = at;
            this.created = at.minus(Duration.ofMinutes(1));
            return this;
        }

        public Builder cancelledAt(Instant at) {
            this.state = "cancelled";
            this.cancelled = at;
            this.created = at.minus(Duration.ofMinutes(1));
            return this;
        }

        public Builder failedSince(Instant at) {
            this.state = "failed";
            this.created = at;
            return this;
        }

        public Builder created(Instant at) {
            this.created = at;
            return this;
        }

        public Builder inGraph(UUID value) {
            this.graph = value;
            return this;
        }

        /** Stores the job; returns its id. */
        public long store() {
            long id = IDS.incrementAndGet();
            execute(INSERT, id, graph, FUNCTION, state, channel, utc(created), utc(done), utc(cancelled));
            return id;
        }
    }
}
