package org.queuejob.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.queuejob.infrastructure.config.QueueJobClock;

/**
 * A back-office user's visits: each new session records its start, and learns how many jobs failed since the
 * previous one (the original notifies a job's followers of its failure; a back office has no followers, so it tells
 * each user at their next visit).
 */
@Stateless
public class VisitService {

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

    @Inject
    @QueueJobClock
    Clock clock;

    /** Records a visit of {@code user} now; returns how many jobs failed since their previous one (0 the first time). */
    public long failedSinceLastVisit(String user) {
        Object count = em.createNativeQuery(VISIT)
                .setParameter(1, user)
                .setParameter(2, clock.instant().toString())
                .getSingleResult();
        return ((Number) count).longValue();
    }
}
