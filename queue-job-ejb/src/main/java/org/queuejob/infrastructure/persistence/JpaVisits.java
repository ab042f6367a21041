package org.queuejob.infrastructure.persistence;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.queuejob.domain.model.visit.Visits;

/**
 * Visits in native SQL through the queue's persistence unit (a session bean for the reason given on {@link
 * JpaJobRepository}).
 */
@Stateless
public class JpaVisits implements Visits {

    /**
     * One statement: the previous visit is read before the new one replaces it (a data-modifying CTE sees the snapshot
     * of the statement's start). A job failed at the end of its last try: date_started plus its run time.
     */
    static final String VISIT = """
            WITH previous AS (SELECT last_visit FROM queue_job_visit WHERE user_name = ?1),
                 visit AS (INSERT INTO queue_job_visit (user_name, last_visit) VALUES (?1, CAST(?2 AS timestamptz))
                           ON CONFLICT (user_name) DO UPDATE SET last_visit = EXCLUDED.last_visit)
            SELECT count(*) FROM queue_job j, previous p
             WHERE j.state = 'failed'
               AND j.date_started + make_interval(secs => coalesce(j.exec_time_ms, 0) / 1000.0) > p.last_visit""";

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    @Override
    public long record(String user, Instant at) {
        Object count = em.createNativeQuery(VISIT)
                .setParameter(1, user)
                .setParameter(2, at.toString())
                .getSingleResult();
        return ((Number) count).longValue();
    }
}
