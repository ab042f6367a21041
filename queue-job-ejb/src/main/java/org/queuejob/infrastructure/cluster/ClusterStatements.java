package org.queuejob.infrastructure.cluster;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster's bookkeeping statements, each committed on its own. Liveness is judged on the database's clock
 * ({@code now()}), so the servers' clocks need not agree.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ClusterStatements {

    static final String BEAT = """
            INSERT INTO queue_job_instance (name, started_at, heartbeat_at, workers) VALUES (?1, now(), now(), ?2)
            ON CONFLICT (name) DO UPDATE SET heartbeat_at = now(), workers = EXCLUDED.workers""";

    static final String LIVE = """
            SELECT count(*) FROM queue_job_instance WHERE heartbeat_at > now() - make_interval(secs => ?1)""";

    /** Dispatched or running jobs of servers that stopped beating go back to pending; their work was rolled back. */
    static final String RESCUE = """
            UPDATE queue_job SET state = 'pending', worker = NULL, date_enqueued = NULL, date_started = NULL,
                   version = version + 1
             WHERE state IN ('enqueued', 'started') AND worker IS NOT NULL
               AND worker NOT IN (SELECT name FROM queue_job_instance
                                   WHERE heartbeat_at > now() - make_interval(secs => ?1))
            RETURNING worker""";

    /** Dispatched jobs no worker took (no live server has their function, say) free their slots again. */
    static final String UNTAKEN = """
            UPDATE queue_job SET state = 'pending', date_enqueued = NULL, version = version + 1
             WHERE state = 'enqueued' AND worker IS NULL AND date_enqueued < now() - make_interval(secs => ?1)""";

    static final String FORGET_LONG_DEAD =
            "DELETE FROM queue_job_instance WHERE heartbeat_at < now() - interval '1 day'";

    static final String ELECTED = """
            UPDATE queue_job_leader SET epoch = epoch + 1, holder = ?1, elected_at = now() WHERE id = 1
            RETURNING epoch""";

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    /** Records that {@code server} is alive, with how many jobs it runs at once. */
    public void beat(String server, int workers) {
        em.createNativeQuery(BEAT)
                .setParameter(1, server)
                .setParameter(2, workers)
                .executeUpdate();
    }

    /** A server leaving on purpose: others need not wait for its heartbeat to age. */
    public void leave(String server) {
        em.createNativeQuery("DELETE FROM queue_job_instance WHERE name = ?1")
                .setParameter(1, server)
                .executeUpdate();
    }

    public long liveServers(int deadAfterSeconds) {
        return ((Number) em.createNativeQuery(LIVE)
                        .setParameter(1, deadAfterSeconds)
                        .getSingleResult())
                .longValue();
    }

    /** Rescues dead servers' jobs; returns how many, per dead server. */
    public Map<String, Integer> rescue(int deadAfterSeconds, int untakenAfterSeconds) {
        List<?> rows =
                em.createNativeQuery(RESCUE).setParameter(1, deadAfterSeconds).getResultList();
        Map<String, Integer> rescued = new LinkedHashMap<>();
        rows.forEach(worker -> rescued.merge(String.valueOf(worker), 1, Integer::sum));
        int untaken = em.createNativeQuery(UNTAKEN)
                .setParameter(1, untakenAfterSeconds)
                .executeUpdate();
        if (untaken > 0) {
            rescued.put("(dispatched, not taken)", untaken);
        }
        em.createNativeQuery(FORGET_LONG_DEAD).executeUpdate();
        return rescued;
    }

    /** The new leader's fencing epoch. */
    public long elected(String server) {
        return ((Number) em.createNativeQuery(ELECTED).setParameter(1, server).getSingleResult()).longValue();
    }

    /** Wakes the other servers (delivered when this transaction commits, right away here). */
    public void notifyServers(String message) {
        em.createNativeQuery("SELECT pg_notify('" + Notifications.CHANNEL + "', ?1)")
                .setParameter(1, message)
                .getSingleResult();
    }
}
