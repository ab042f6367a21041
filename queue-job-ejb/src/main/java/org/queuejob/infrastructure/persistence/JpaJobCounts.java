package org.queuejob.infrastructure.persistence;

import static org.queuejob.infrastructure.persistence.NativeResults.instant;
import static org.queuejob.infrastructure.persistence.NativeResults.number;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.queuejob.domain.model.statistics.JobCounts;
import org.queuejob.domain.model.statistics.StateCount;
import org.queuejob.domain.model.statistics.WaitingJob;

/**
 * Live job counts in native SQL through the queue's persistence unit (a session bean for the reason given on {@link
 * JpaJobRepository}). Reads support the caller's transaction rather than require one: the back office reads without.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JpaJobCounts implements JobCounts {

    /** Jobs that have not ended: index-only on (state, channel, ...), through the partial list and in-flight indexes. */
    static final String UNENDED = """
            SELECT channel, state, count(*) FROM queue_job
             WHERE state IN ('wait_dependencies', 'pending', 'enqueued', 'started', 'failed')
             GROUP BY channel, state""";

    /** Failed per hour by the start of their last try (no failure date is stored); failed jobs are few. */
    static final String FAILED_PER_HOUR = """
            SELECT date_trunc('hour', coalesce(date_started, date_created)), count(*) FROM queue_job
             WHERE state = 'failed' AND coalesce(date_started, date_created) >= ?1 GROUP BY 1""";

    /**
     * Per channel and waiting state, the oldest job: one backward step on the list index per pair, rather than a
     * sort of every waiting job.
     */
    static final String OLDEST_WAITING = """
            SELECT c.channel, j.uuid, j.description, j.date_created
              FROM unnest(CAST(?1 AS text[])) AS c(channel)
             CROSS JOIN (VALUES ('wait_dependencies'), ('pending')) AS s(state)
             CROSS JOIN LATERAL (SELECT uuid, description, date_created, id FROM queue_job
                                  WHERE state = s.state AND channel = c.channel
                                  ORDER BY date_created, id LIMIT 1) AS j
             ORDER BY c.channel, j.date_created, j.id""";

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public List<StateCount> unended() {
        List<Object[]> rows = em.createNativeQuery(UNENDED).getResultList();
        return rows.stream()
                .map(row -> new StateCount((String) row[0], (String) row[1], number(row[2])))
                .toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<Instant, Long> failedPerHour(Instant since) {
        List<Object[]> rows = em.createNativeQuery(FAILED_PER_HOUR)
                .setParameter(1, Timestamp.from(since))
                .getResultList();
        Map<Instant, Long> perHour = new HashMap<>();
        rows.forEach(row -> perHour.put(instant(row[0]), number(row[1])));
        return perHour;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<WaitingJob> oldestWaiting(Collection<String> channels) {
        List<Object[]> rows = em.createNativeQuery(OLDEST_WAITING)
                .setParameter(1, PostgresArrays.literal(channels))
                .getResultList();
        return rows.stream()
                .map(row -> new WaitingJob(
                        (String) row[0], UUID.fromString(row[1].toString()), (String) row[2], instant(row[3])))
                .toList();
    }
}
