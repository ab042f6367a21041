package org.queuejob.infrastructure.persistence;

import static org.queuejob.infrastructure.persistence.NativeResults.instant;
import static org.queuejob.infrastructure.persistence.NativeResults.number;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.queuejob.domain.model.statistics.EndedJobCount;
import org.queuejob.domain.model.statistics.EndedJobTally;

/**
 * The ended-job counts ({@code queue_job_count_period}, {@code queue_job_count}) in native SQL through the queue's
 * persistence unit (a session bean for the reason given on {@link JpaJobRepository}).
 *
 * <p>Statements that read {@code queue_job} by when its jobs ended have their instants written into the text rather
 * than bound: the planner then sees how recent and how narrow the range is and reads the ended-at index, where a
 * generic plan for "any range" (which a pooled connection's prepared statement turns to after a few runs) scans the
 * table. The instants are formatted from {@link Instant}s and the period from a number of seconds: no text of a user's
 * reaches them.
 */
@Stateless
public class JpaEndedJobTally implements EndedJobTally {

    /** Parameters: from, to (instants), the period's length in seconds. */
    static final String UNCOUNTED = """
            SELECT period
              FROM generate_series(TIMESTAMPTZ '%1$s', TIMESTAMPTZ '%2$s' - interval '%3$d seconds',
                                   interval '%3$d seconds') AS period
             WHERE NOT EXISTS (SELECT 1 FROM queue_job_count_period counted WHERE counted.period_start = period)
             ORDER BY period""";

    /**
     * Claims the periods no one has claimed and counts the jobs of those it claimed, in one statement: a period another
     * server claimed meanwhile is left to that server. A job's period is when it ended, rounded down to the period's
     * length (periods start at multiples of it since the epoch, as {@code EndedJobCounts.periodOf} has them).
     */
    static final String COUNT = """
            WITH claimed AS (
                INSERT INTO queue_job_count_period (period_start, counted_at)
                SELECT period, now()
                  FROM generate_series(TIMESTAMPTZ '%1$s', TIMESTAMPTZ '%2$s' - interval '%3$d seconds',
                                       interval '%3$d seconds') AS period
                    ON CONFLICT DO NOTHING
                RETURNING period_start)
            INSERT INTO queue_job_count (period_start, channel, job_function, state, jobs, sum_exec_ms, max_exec_ms)
            SELECT period_start, channel, job_function, state, count(*), coalesce(sum(exec_time_ms), 0),
                   coalesce(max(exec_time_ms), 0)
              FROM (SELECT to_timestamp(floor(extract(epoch FROM coalesce(date_done, date_cancelled)) / %3$d) * %3$d)
                               AS period_start,
                           channel, job_function, state, exec_time_ms
                      FROM queue_job
                     WHERE state IN ('done', 'cancelled')
                       AND coalesce(date_done, date_cancelled) >= TIMESTAMPTZ '%1$s'
                       AND coalesce(date_done, date_cancelled) < TIMESTAMPTZ '%2$s') AS ended
             WHERE period_start IN (SELECT period_start FROM claimed)
             GROUP BY period_start, channel, job_function, state""";

    /** The counts go with their period (ON DELETE CASCADE). */
    static final String FORGET = "DELETE FROM queue_job_count_period WHERE period_start < ?1";

    /** Summed per hour in the database: a day of minutes is some tens of thousands of rows, its hours a few hundred. */
    static final String COUNTED_BY_HOUR = """
            SELECT date_trunc('hour', period_start, 'UTC'), channel, job_function, state, sum(jobs), sum(sum_exec_ms),
                   max(max_exec_ms)
              FROM queue_job_count
             WHERE period_start >= ?1 AND period_start < ?2
             GROUP BY 1, channel, job_function, state""";

    /** The periods since the given one (the current one, perhaps the one before), counted live. */
    static final String LIVE = """
            SELECT to_timestamp(floor(extract(epoch FROM coalesce(date_done, date_cancelled)) / %2$d) * %2$d),
                   channel, job_function, state, count(*), coalesce(sum(exec_time_ms), 0),
                   coalesce(max(exec_time_ms), 0)
              FROM queue_job
             WHERE state IN ('done', 'cancelled')
               AND coalesce(date_done, date_cancelled) >= TIMESTAMPTZ '%1$s'
             GROUP BY 1, channel, job_function, state""";

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public List<Instant> uncounted(Instant from, Instant to, Duration period) {
        return ((List<Object>) em.createNativeQuery(UNCOUNTED.formatted(text(from), text(to), period.toSeconds()))
                        .getResultList())
                .stream().map(NativeResults::instant).toList();
    }

    @Override
    public void count(Instant from, Instant to, Duration period) {
        em.createNativeQuery(COUNT.formatted(text(from), text(to), period.toSeconds()))
                .executeUpdate();
    }

    @Override
    public void forgetBefore(Instant before) {
        em.createNativeQuery(FORGET).setParameter(1, Timestamp.from(before)).executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<EndedJobCount> countedByHour(Instant from, Instant to) {
        List<Object[]> rows = em.createNativeQuery(COUNTED_BY_HOUR)
                .setParameter(1, Timestamp.from(from))
                .setParameter(2, Timestamp.from(to))
                .getResultList();
        return rows.stream().map(JpaEndedJobTally::ofRow).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<EndedJobCount> countSince(Instant period, Duration length) {
        List<Object[]> rows = em.createNativeQuery(LIVE.formatted(text(period), length.toSeconds()))
                .getResultList();
        return rows.stream().map(JpaEndedJobTally::ofRow).toList();
    }

    private static String text(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** A row of {@link #COUNTED_BY_HOUR} or {@link #LIVE}: the period, then the six count columns. */
    private static EndedJobCount ofRow(Object[] row) {
        return new EndedJobCount(
                instant(row[0]),
                (String) row[1],
                (String) row[2],
                (String) row[3],
                number(row[4]),
                number(row[5]),
                number(row[6]));
    }
}
