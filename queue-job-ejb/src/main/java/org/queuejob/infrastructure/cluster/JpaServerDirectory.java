package org.queuejob.infrastructure.cluster;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.queuejob.domain.model.server.ServerDirectory;
import org.queuejob.domain.model.server.ServerStatus;

/**
 * The servers' records with what they hold, in one statement: the jobs held are counted through the in-flight index,
 * so the read stays cheap with millions of ended jobs kept. Supports the caller's transaction rather than requiring
 * one: the back office reads without; a server made quiet is changed in the caller's.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JpaServerDirectory implements ServerDirectory {

    /**
     * Times as seconds since the epoch and since the heartbeat, both on the database's clock: no driver-dependent
     * time types, and no server's clock in the comparison. The liveness lock's test is the leader's ({@link
     * ClusterStatements#processAlive}).
     */
    static final String SERVERS = """
            SELECT i.name, i.name = l.holder, extract(epoch FROM i.started_at),
                   extract(epoch FROM now() - i.heartbeat_at), %s,
                   i.workers, i.held_limit, cardinality(i.functions),
                   count(j.id), count(j.id) FILTER (WHERE j.state = 'started'),
                   extract(epoch FROM i.quiet_since), i.quiet_by
              FROM queue_job_instance i
              LEFT JOIN queue_job_leader l ON l.id = 1
              LEFT JOIN queue_job j ON j.worker = i.name AND j.state IN ('enqueued', 'started')
             GROUP BY i.name, l.holder
             ORDER BY i.name""".formatted(ClusterStatements.processAlive("i.session_key"));

    /** Quiet from now, unless quiet already: the first time and user stay. */
    static final String QUIET = """
            UPDATE queue_job_instance SET quiet_since = now(), quiet_by = ?2
             WHERE name = ?1 AND quiet_since IS NULL""";

    static final String RESUME = "UPDATE queue_job_instance SET quiet_since = NULL, quiet_by = NULL WHERE name = ?1";

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public List<ServerStatus> servers() {
        List<Object[]> rows = em.createNativeQuery(SERVERS).getResultList();
        return rows.stream().map(JpaServerDirectory::status).toList();
    }

    @Override
    public void quiet(String name, String user) {
        em.createNativeQuery(QUIET).setParameter(1, name).setParameter(2, user).executeUpdate();
    }

    @Override
    public void resume(String name) {
        em.createNativeQuery(RESUME).setParameter(1, name).executeUpdate();
    }

    private static ServerStatus status(Object[] row) {
        return new ServerStatus(
                (String) row[0],
                Boolean.TRUE.equals(row[1]),
                instant(seconds(row[2])),
                Duration.ofMillis(Math.max(0, Math.round(seconds(row[3]) * 1000))),
                Boolean.TRUE.equals(row[4]),
                ((Number) row[5]).intValue(),
                ((Number) row[6]).intValue(),
                ((Number) row[7]).intValue(),
                ((Number) row[8]).longValue(),
                ((Number) row[9]).longValue(),
                row[10] == null ? null : instant(seconds(row[10])),
                (String) row[11]);
    }

    private static double seconds(Object value) {
        return ((Number) value).doubleValue();
    }

    private static Instant instant(double epochSeconds) {
        long micros = Math.round(epochSeconds * 1_000_000);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
    }
}
