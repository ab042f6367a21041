package org.queuejob.infrastructure.cluster;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.queuejob.domain.model.job.JobTransition;
import org.queuejob.infrastructure.persistence.CutShortRuns;
import org.queuejob.infrastructure.persistence.CutShortRuns.TakenBack;
import org.queuejob.infrastructure.persistence.PostgresArrays;

/**
 * The cluster's bookkeeping statements, each committed on its own; a few per heartbeat, never per job. Liveness is
 * judged on the database's clock ({@code now()}), so the servers' clocks need not agree.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ClusterStatements {

    /** The first key of the two-key advisory locks that say a server's process is alive ("qjsv" in ASCII). */
    public static final int LIVENESS_LOCKS = 0x716a7376;

    /**
     * A server's heartbeat, which reads back whether it is quiet. Its first, when it joins (?6 true), makes it take jobs
     * again: quiet belongs to a running process, and one that started anew (after a crash, say) is not quiet.
     */
    static final String BEAT = """
            INSERT INTO queue_job_instance (name, started_at, heartbeat_at, workers, held_limit, functions, session_key)
            VALUES (?1, now(), now(), ?2, ?3, CAST(?4 AS text[]), ?5)
            ON CONFLICT (name) DO UPDATE SET heartbeat_at = now(), workers = EXCLUDED.workers,
                                             held_limit = EXCLUDED.held_limit, functions = EXCLUDED.functions,
                                             session_key = EXCLUDED.session_key,
                                             quiet_since = CASE WHEN ?6 THEN NULL ELSE queue_job_instance.quiet_since END,
                                             quiet_by = CASE WHEN ?6 THEN NULL ELSE queue_job_instance.quiet_by END
            RETURNING quiet_since IS NOT NULL""";

    /**
     * Servers that beat lately, whether their liveness lock is held (no holder means their process is gone) and
     * whether they are quiet.
     */
    static final String MEMBERS = """
            SELECT name, workers, held_limit, CAST(array_to_json(functions) AS text), %s, quiet_since IS NOT NULL
              FROM queue_job_instance
             WHERE heartbeat_at > now() - make_interval(secs => ?1)
             ORDER BY name""".formatted(processAlive("session_key"));

    /**
     * Jobs held by servers that are not alive go back to pending, or fail at max retries (T7/T8, {@link
     * CutShortRuns}); their work was rolled back with their process, and their runs that went on after their jobs were
     * taken from them by hand are gone too, so they no longer occupy slots. Both parameters name the live servers.
     */
    static final String RESCUE = CutShortRuns.takingBack("""
            forgotten AS (
                DELETE FROM queue_job_run_taken_away WHERE NOT (worker = ANY (CAST(? AS text[])))),
            """, """
            SELECT id, worker FROM queue_job
             WHERE %s AND worker IS NOT NULL AND NOT (worker = ANY (CAST(? AS text[])))
             FOR UPDATE SKIP LOCKED""".formatted(JobTransition.RELEASE.sqlCondition()));

    /**
     * The SQL condition that the server whose lock key is the column {@code sessionKey} of {@code queue_job_instance}
     * still holds its liveness lock (a record without a key counts as alive): the one test by which the leader and
     * the back office both tell that a server's process is gone.
     */
    static String processAlive(String sessionKey) {
        return """
                (%1$s IS NULL OR EXISTS (SELECT 1 FROM pg_locks held
                                          WHERE held.locktype = 'advisory' AND held.granted AND held.objsubid = 2
                                            AND held.classid = %2$d AND held.objid = %1$s))""".formatted(sessionKey, LIVENESS_LOCKS);
    }

    /** Whether a live process holds the record of {@code ?1}: the liveness lock of the key it wrote is held. */
    static final String NAME_TAKEN = """
            SELECT EXISTS (SELECT 1 FROM queue_job_instance
                            WHERE name = ?1 AND session_key IS NOT NULL AND %s)""".formatted(processAlive("session_key"));

    static final String FORGET_LONG_DEAD =
            "DELETE FROM queue_job_instance WHERE heartbeat_at < now() - interval '1 day'";

    /** Looked up once: {@code Json.createReader} runs a ServiceLoader look-up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    /**
     * A server that beat lately: what it can run, how many jobs it may hold at once, whether its process holds its
     * liveness lock, and whether it is quiet (it takes no new jobs).
     */
    public record Member(
            String name, int workers, int heldLimit, List<String> functions, boolean sessionAlive, boolean quiet) {

        /** The same member, quiet or taking jobs. */
        public Member withQuiet(boolean quietNow) {
            return new Member(name, workers, heldLimit, functions, sessionAlive, quietNow);
        }
    }

    /**
     * Records that {@code server} is alive, with what it can run and hold, and the key of its liveness lock; {@code
     * joining} on its first beat since it started. Returns whether it is quiet.
     */
    public boolean beat(
            String server, int workers, int heldLimit, Collection<String> functions, int sessionKey, boolean joining) {
        Object quiet = em.createNativeQuery(BEAT)
                .setParameter(1, server)
                .setParameter(2, workers)
                .setParameter(3, heldLimit)
                .setParameter(4, PostgresArrays.literal(functions))
                .setParameter(5, sessionKey)
                .setParameter(6, joining)
                .getSingleResult();
        return Boolean.TRUE.equals(quiet);
    }

    /**
     * A server leaving on purpose: others need not wait for its heartbeat to age. Its runs are over, those taken from
     * it by hand too.
     */
    static final String LEAVE = """
            WITH forgotten AS (DELETE FROM queue_job_run_taken_away WHERE worker = ?)
            DELETE FROM queue_job_instance WHERE name = ?""";

    /**
     * Whether a running process holds the name {@code server}: its record's liveness lock is held. Read before this
     * process takes its own lock, so a true answer is never this process.
     */
    public boolean nameTaken(String server) {
        return Boolean.TRUE.equals(
                em.createNativeQuery(NAME_TAKEN).setParameter(1, server).getSingleResult());
    }

    /**
     * A server leaving on purpose: others need not wait for its heartbeat to age. Plain JDBC on {@code connection}
     * rather than this bean's entity manager: a server leaves while its application stops, and WildFly may have
     * stopped this session bean by then (it refused the call, and the record stayed).
     */
    public static void leave(Connection connection, String server) throws SQLException {
        try (PreparedStatement leave = connection.prepareStatement(LEAVE)) {
            leave.setString(1, server);
            leave.setString(2, server);
            leave.executeUpdate();
        }
    }

    /** The servers that beat within {@code deadAfterSeconds}, by name. */
    @SuppressWarnings("unchecked")
    public List<Member> members(int deadAfterSeconds) {
        List<Object[]> rows =
                em.createNativeQuery(MEMBERS).setParameter(1, deadAfterSeconds).getResultList();
        List<Member> members = new ArrayList<>();
        for (Object[] row : rows) {
            members.add(new Member(
                    (String) row[0],
                    ((Number) row[1]).intValue(),
                    ((Number) row[2]).intValue(),
                    parseJsonArray((String) row[3]),
                    Boolean.TRUE.equals(row[4]),
                    Boolean.TRUE.equals(row[5])));
        }
        return members;
    }

    /**
     * Rescues the jobs of every server not in {@code alive}, on the leader's {@code session}: how many per dead server,
     * and those failed for good among them, at {@code now}. On that session only: a leader paused past its session's
     * end (a long GC) has lost the lock with it, so it cannot send back to pending, with a list of the living read
     * before the pause, the jobs that a new leader handed meanwhile to a server that joined.
     */
    public static TakenBack rescue(Connection session, Collection<String> alive, Instant now) throws SQLException {
        TakenBack rescued;
        try (PreparedStatement rescue = session.prepareStatement(RESCUE)) {
            String names = PostgresArrays.literal(alive);
            rescue.setString(1, names);
            rescue.setString(2, names);
            try (ResultSet rows = rescue.executeQuery()) {
                rescued = CutShortRuns.read(rows, now);
            }
        }
        try (Statement forget = session.createStatement()) {
            forget.executeUpdate(FORGET_LONG_DEAD);
        }
        return rescued;
    }

    /** The functions column as JSON ({@code array_to_json}): parsed by JSON-P rather than by hand. */
    static List<String> parseJsonArray(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .toList();
        }
    }
}
