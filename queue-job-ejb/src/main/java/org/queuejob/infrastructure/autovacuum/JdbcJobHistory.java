package org.queuejob.infrastructure.autovacuum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.queuejob.domain.model.autovacuum.HistoryCandidate;
import org.queuejob.domain.model.autovacuum.HistoryPosition;
import org.queuejob.domain.model.autovacuum.HistorySegment;
import org.queuejob.domain.model.autovacuum.JobHistory;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.infrastructure.persistence.QueueJobDataSource;

/**
 * The finished jobs in {@code queue_job}, plain JDBC in the chunk's transaction. Every read walks the back office's
 * {@code (state, channel, date_created DESC, id DESC)} index; no index of its own, since each one on the job table is
 * paid for by every state change on the hot path. A job is done (or cancelled) after it was created, so {@code
 * date_created < deadline} is a valid range on that index for {@code date_done < deadline}, which is then checked
 * on the rows the range finds.
 */
@ApplicationScoped
public class JdbcJobHistory implements JobHistory {

    /** A skip scan: one index descent per channel, whatever the number of jobs. */
    static final String CHANNELS_WITH = """
            WITH RECURSIVE channels(name) AS (
                (SELECT channel FROM queue_job WHERE state = ? ORDER BY channel LIMIT 1)
                UNION ALL
                SELECT (SELECT j.channel FROM queue_job j WHERE j.state = ? AND j.channel > c.name
                         ORDER BY j.channel LIMIT 1)
                  FROM channels c WHERE c.name IS NOT NULL)
            SELECT name FROM channels WHERE name IS NOT NULL""";

    /** One page of a segment after a keyset position: an index range that stops after {@code limit} rows. */
    static final String DONE_CANDIDATES = """
            SELECT id, graph_uuid, date_created FROM queue_job
             WHERE state = 'done' AND channel = ? AND (date_created, id) < (?, ?) AND date_created < ?
               AND date_done < ?
             ORDER BY date_created DESC, id DESC
             LIMIT ?""";

    static final String CANCELLED_CANDIDATES = """
            SELECT id, graph_uuid, date_created FROM queue_job
             WHERE state = 'cancelled' AND channel = ? AND (date_created, id) < (?, ?) AND date_created < ?
               AND date_cancelled < ?
             ORDER BY date_created DESC, id DESC
             LIMIT ?""";

    /** Conditions on the deleted rows themselves, so a job requeued meanwhile is left alone. */
    static final String DELETE_ALONE = """
            DELETE FROM queue_job j
             USING unnest(CAST(? AS text[]), CAST(CAST(? AS text[]) AS timestamptz[])) AS d(channel, deadline)
             WHERE j.id = ANY (CAST(? AS bigint[])) AND j.graph_uuid IS NULL AND j.channel = d.channel
               AND ((j.state = 'done' AND j.date_done < d.deadline)
                    OR (j.state = 'cancelled' AND j.date_cancelled < d.deadline))""";

    /** The graphs among the given ones whose every job is finished before its own channel's deadline. */
    static final String ELIGIBLE_GRAPHS = """
            WITH deadline(channel, at) AS (
                SELECT * FROM unnest(CAST(? AS text[]), CAST(CAST(? AS text[]) AS timestamptz[]))),
            eligible(graph) AS (
                SELECT g FROM unnest(CAST(? AS uuid[])) AS g
                 WHERE NOT EXISTS (
                    SELECT 1 FROM queue_job m LEFT JOIN deadline d ON d.channel = m.channel
                     WHERE m.graph_uuid = g
                       AND NOT COALESCE((m.state = 'done' AND m.date_done < d.at)
                                        OR (m.state = 'cancelled' AND m.date_cancelled < d.at), false)))
            """;

    /**
     * Locks the jobs of the graphs that look eligible, in id order. The delete then decides again on a fresh
     * snapshot: a job of such a graph requeued just before is seen, and none can change after.
     */
    static final String LOCK_GRAPHS = ELIGIBLE_GRAPHS
            + "SELECT j.id FROM queue_job j WHERE j.graph_uuid IN (SELECT graph FROM eligible) ORDER BY j.id FOR UPDATE";

    /** Dependency rows go with their jobs (ON DELETE CASCADE on both ends). */
    static final String DELETE_GRAPHS =
            ELIGIBLE_GRAPHS + "DELETE FROM queue_job j WHERE j.graph_uuid IN (SELECT graph FROM eligible)";

    /** Above any id a sequence gives: the first page of a segment starts below it. */
    private static final long AFTER_ANY_ID = Long.MAX_VALUE;

    @Inject
    @QueueJobDataSource
    DataSource dataSource;

    @Override
    public List<String> channelsWith(JobState state) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(CHANNELS_WITH)) {
            query.setString(1, state.dbValue());
            query.setString(2, state.dbValue());
            List<String> channels = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    channels.add(row.getString(1));
                }
            }
            return channels;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the channels of " + state.dbValue() + " jobs", e);
        }
    }

    @Override
    public List<HistoryCandidate> candidates(HistorySegment segment, HistoryPosition after, int limit) {
        String sql = segment.state() == JobState.DONE ? DONE_CANDIDATES : CANCELLED_CANDIDATES;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, segment.channel());
            Jdbc.setInstant(query, 2, after == null ? segment.deadline() : after.dateCreated());
            query.setLong(3, after == null ? AFTER_ANY_ID : after.id());
            Jdbc.setInstant(query, 4, segment.deadline());
            Jdbc.setInstant(query, 5, segment.deadline());
            query.setInt(6, limit);
            List<HistoryCandidate> candidates = new ArrayList<>(limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    candidates.add(new HistoryCandidate(
                            row.getLong("id"),
                            row.getObject("graph_uuid", UUID.class),
                            segment.state(),
                            segment.channel(),
                            Jdbc.getInstant(row, "date_created")));
                }
            }
            return candidates;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the finished jobs of " + segment.channel(), e);
        }
    }

    @Override
    public int deleteAlone(Collection<Long> ids, Map<String, Instant> deadlines) {
        if (ids.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE_ALONE)) {
            setDeadlines(connection, delete, deadlines);
            delete.setArray(3, connection.createArrayOf("bigint", ids.toArray()));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete finished jobs: " + e.getMessage(), e);
        }
    }

    @Override
    public int deleteWholeGraphs(Collection<UUID> graphs, Map<String, Instant> deadlines) {
        if (graphs.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection()) {
            Array uuids = connection.createArrayOf("uuid", graphs.toArray());
            try (PreparedStatement lock = connection.prepareStatement(LOCK_GRAPHS)) {
                setDeadlines(connection, lock, deadlines);
                lock.setArray(3, uuids);
                lock.executeQuery().close();
            }
            try (PreparedStatement delete = connection.prepareStatement(DELETE_GRAPHS)) {
                setDeadlines(connection, delete, deadlines);
                delete.setArray(3, uuids);
                return delete.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete finished graphs: " + e.getMessage(), e);
        }
    }

    /** Parameters 1 and 2: the channels and their deadlines, as ISO-8601 UTC text the database casts. */
    private static void setDeadlines(Connection connection, PreparedStatement statement, Map<String, Instant> deadlines)
            throws SQLException {
        String[] channels = new String[deadlines.size()];
        String[] instants = new String[deadlines.size()];
        int i = 0;
        for (Map.Entry<String, Instant> deadline : deadlines.entrySet()) {
            channels[i] = deadline.getKey();
            instants[i] = deadline.getValue().toString();
            i++;
        }
        statement.setArray(1, connection.createArrayOf("text", channels));
        statement.setArray(2, connection.createArrayOf("text", instants));
    }
}
