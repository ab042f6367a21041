package org.queuejob.infrastructure.persistence;

import static org.queuejob.infrastructure.persistence.NativeResults.instant;
import static org.queuejob.infrastructure.persistence.NativeResults.number;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.queuejob.domain.model.statistics.EndedJobCount;
import org.queuejob.domain.model.statistics.EndedJobTally;

/**
 * The ended-job counts ({@code queue_job_count_period}, {@code queue_job_count}) in native SQL through the queue's
 * persistence unit (a session bean for the reason given on {@link JpaJobRepository}).
 */
@Stateless
public class JpaEndedJobTally implements EndedJobTally {

    static final String COUNTED =
            "SELECT period_start FROM queue_job_count_period WHERE period_start >= ?1 AND period_start < ?2";

    static final String CLAIM =
            "INSERT INTO queue_job_count_period (period_start, counted_at) VALUES (?1, now()) ON CONFLICT DO NOTHING";

    static final String COUNT = """
            INSERT INTO queue_job_count (period_start, channel, job_function, state, jobs, sum_exec_ms, max_exec_ms)
            SELECT ?1, channel, job_function, state, count(*), coalesce(sum(exec_time_ms), 0),
                   coalesce(max(exec_time_ms), 0)
              FROM queue_job
             WHERE state IN ('done', 'cancelled')
               AND coalesce(date_done, date_cancelled) >= ?1 AND coalesce(date_done, date_cancelled) < ?2
             GROUP BY channel, job_function, state""";

    /** The counts go with their period (ON DELETE CASCADE). */
    static final String FORGET = "DELETE FROM queue_job_count_period WHERE period_start < ?1";

    static final String COUNTS = """
            SELECT period_start, channel, job_function, state, jobs, sum_exec_ms, max_exec_ms FROM queue_job_count
             WHERE period_start >= ?1 AND period_start < ?2""";

    /**
     * The current period, counted live. The instant is written into the text rather than bound: the planner then
     * sees how recent it is and reads the ended-at index, where a generic plan for "any instant" scans the table.
     */
    static final String CURRENT = """
            SELECT channel, job_function, state, count(*), coalesce(sum(exec_time_ms), 0),
                   coalesce(max(exec_time_ms), 0)
              FROM queue_job
             WHERE state IN ('done', 'cancelled')
               AND coalesce(date_done, date_cancelled) >= TIMESTAMPTZ '%s'
             GROUP BY channel, job_function, state""";

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public Set<Instant> countedPeriods(Instant from, Instant to) {
        Set<Instant> counted = new HashSet<>();
        ((List<Object>) em.createNativeQuery(COUNTED)
                        .setParameter(1, Timestamp.from(from))
                        .setParameter(2, Timestamp.from(to))
                        .getResultList())
                .forEach(period -> counted.add(instant(period)));
        return counted;
    }

    @Override
    public boolean claim(Instant period) {
        return em.createNativeQuery(CLAIM)
                        .setParameter(1, Timestamp.from(period))
                        .executeUpdate()
                == 1;
    }

    @Override
    public void count(Instant from, Instant to) {
        em.createNativeQuery(COUNT)
                .setParameter(1, Timestamp.from(from))
                .setParameter(2, Timestamp.from(to))
                .executeUpdate();
    }

    @Override
    public void forgetBefore(Instant before) {
        em.createNativeQuery(FORGET).setParameter(1, Timestamp.from(before)).executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<EndedJobCount> counted(Instant from, Instant to) {
        List<Object[]> rows = em.createNativeQuery(COUNTS)
                .setParameter(1, Timestamp.from(from))
                .setParameter(2, Timestamp.from(to))
                .getResultList();
        return rows.stream().map(row -> ofRow(instant(row[0]), row, 1)).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<EndedJobCount> countSince(Instant period) {
        List<Object[]> rows = em.createNativeQuery(CURRENT.formatted(DateTimeFormatter.ISO_INSTANT.format(period)))
                .getResultList();
        return rows.stream().map(row -> ofRow(period, row, 0)).toList();
    }

    /** A row of {@link #COUNTS} or {@link #CURRENT}, whose six count columns start at {@code at}. */
    private static EndedJobCount ofRow(Instant period, Object[] row, int at) {
        return new EndedJobCount(
                period,
                (String) row[at],
                (String) row[at + 1],
                (String) row[at + 2],
                number(row[at + 3]),
                number(row[at + 4]),
                number(row[at + 5]));
    }
}
