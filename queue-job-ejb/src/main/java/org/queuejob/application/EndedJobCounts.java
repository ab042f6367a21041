package org.queuejob.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.infrastructure.config.QueueJobClock;

/**
 * How many jobs ended (done, cancelled) per five-minute period, channel and job function, with their execution times:
 * what the dashboard shows of the last day. A period that has passed is counted once, by whichever server gets there
 * first (every five minutes, or at a look), and kept ({@code queue_job_count}); only the current period is counted
 * live, through the index on when jobs ended. A look therefore reads at most five minutes of jobs, whatever the
 * history kept.
 */
@Stateless
public class EndedJobCounts {

    public static final Duration PERIOD = Duration.ofMinutes(5);

    /** Counted periods are kept this long, then forgotten. */
    static final Duration KEPT = Duration.ofHours(48);

    private static final Logger LOG = Logger.getLogger(EndedJobCounts.class.getName());

    /** One period's ended jobs, per channel, job function and state. */
    public record Count(
            Instant period,
            String channel,
            String jobFunction,
            String state,
            long jobs,
            long sumExecMillis,
            long maxExecMillis) {}

    private static final String COUNTED =
            "SELECT period_start FROM queue_job_count_period WHERE period_start >= ?1 AND period_start < ?2";

    private static final String CLAIM =
            "INSERT INTO queue_job_count_period (period_start, counted_at) VALUES (?1, now()) ON CONFLICT DO NOTHING";

    private static final String COUNT = """
            INSERT INTO queue_job_count (period_start, channel, job_function, state, jobs, sum_exec_ms, max_exec_ms)
            SELECT ?1, channel, job_function, state, count(*), coalesce(sum(exec_time_ms), 0),
                   coalesce(max(exec_time_ms), 0)
              FROM queue_job
             WHERE state IN ('done', 'cancelled')
               AND coalesce(date_done, date_cancelled) >= ?1 AND coalesce(date_done, date_cancelled) < ?2
             GROUP BY channel, job_function, state""";

    private static final String FORGET = "DELETE FROM queue_job_count_period WHERE period_start < ?1";

    private static final String COUNTS = """
            SELECT period_start, channel, job_function, state, jobs, sum_exec_ms, max_exec_ms FROM queue_job_count
             WHERE period_start >= ?1 AND period_start < ?2""";

    /**
     * The current period, counted live. The instant is written into the text rather than bound: the planner then
     * sees how recent it is and reads the ended-at index, where a generic plan for "any instant" scans the table.
     */
    private static final String CURRENT = """
            SELECT channel, job_function, state, count(*), coalesce(sum(exec_time_ms), 0),
                   coalesce(max(exec_time_ms), 0)
              FROM queue_job
             WHERE state IN ('done', 'cancelled')
               AND coalesce(date_done, date_cancelled) >= TIMESTAMPTZ '%s'
             GROUP BY channel, job_function, state""";

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    @QueueJobClock
    Clock clock;

    /** The period {@code instant} falls in. */
    public static Instant periodOf(Instant instant) {
        long size = PERIOD.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(instant.toEpochMilli(), size) * size);
    }

    /** Every five minutes, on every server: the period that just closed is counted by the first one there. */
    @Schedule(minute = "*/5", second = "10", hour = "*", persistent = false)
    void countTheLastPeriod() {
        try {
            self().count(periodOf(clock.instant()).minus(PERIOD));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Ended jobs not counted now; the next look counts them", e);
        }
    }

    /** The counts of the periods from {@code since} up to now: passed ones (counted now where missing) and the current. */
    @SuppressWarnings("unchecked")
    public List<Count> since(Instant since) {
        Instant current = periodOf(clock.instant());
        Set<Instant> counted = new HashSet<>();
        ((List<Object>) em.createNativeQuery(COUNTED)
                        .setParameter(1, Timestamp.from(since))
                        .setParameter(2, Timestamp.from(current))
                        .getResultList())
                .forEach(period -> counted.add(DashboardService.instant(period)));
        for (Instant period = since; period.isBefore(current); period = period.plus(PERIOD)) {
            if (!counted.contains(period)) {
                self().count(period);
            }
        }
        List<Object[]> rows = em.createNativeQuery(COUNTS)
                .setParameter(1, Timestamp.from(since))
                .setParameter(2, Timestamp.from(current))
                .getResultList();
        List<Count> counts = new java.util.ArrayList<>(rows.stream()
                .map(row -> new Count(
                        DashboardService.instant(row[0]),
                        (String) row[1],
                        (String) row[2],
                        (String) row[3],
                        ((Number) row[4]).longValue(),
                        ((Number) row[5]).longValue(),
                        ((Number) row[6]).longValue()))
                .toList());
        String currentText = DateTimeFormatter.ISO_INSTANT.format(current);
        for (Object[] row : (List<Object[]>)
                em.createNativeQuery(CURRENT.formatted(currentText)).getResultList()) {
            counts.add(new Count(
                    current,
                    (String) row[0],
                    (String) row[1],
                    (String) row[2],
                    ((Number) row[3]).longValue(),
                    ((Number) row[4]).longValue(),
                    ((Number) row[5]).longValue()));
        }
        return counts;
    }

    /**
     * Counts one period that has passed, unless another server (or look) already did: the period is claimed first,
     * and only the claimant counts.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void count(Instant period) {
        Timestamp start = Timestamp.from(period);
        if (em.createNativeQuery(CLAIM).setParameter(1, start).executeUpdate() == 1) {
            em.createNativeQuery(COUNT)
                    .setParameter(1, start)
                    .setParameter(2, Timestamp.from(period.plus(PERIOD)))
                    .executeUpdate();
            em.createNativeQuery(FORGET)
                    .setParameter(1, Timestamp.from(period.minus(KEPT)))
                    .executeUpdate();
        }
    }

    private EndedJobCounts self() {
        return context.getBusinessObject(EndedJobCounts.class);
    }
}
