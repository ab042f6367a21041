package org.queuejob.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.queuejob.infrastructure.config.QueueJobClock;

/**
 * The back office's landing page: how many jobs are where, how many ran and failed lately, which job functions are
 * slow, which channels have jobs waiting for long. Every figure is one aggregate query over the job table, so that
 * every server sharing the database shows the same.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DashboardService {

    /** Hours of throughput shown. */
    public static final int HOURS = 24;

    static final int SLOWEST = 10;

    private static final String STATE_CHANNEL_COUNTS =
            "SELECT channel, state, count(*) FROM queue_job GROUP BY channel, state ORDER BY channel";

    /** Done per hour by date_done; failed per hour by the start of their last try (no failure date is stored). */
    private static final String THROUGHPUT = """
            SELECT date_trunc('hour', date_done) AS hour, 'done', count(*) FROM queue_job
             WHERE state = 'done' AND date_done >= ?1 GROUP BY 1
            UNION ALL
            SELECT date_trunc('hour', coalesce(date_started, date_created)), 'failed', count(*) FROM queue_job
             WHERE state = 'failed' AND coalesce(date_started, date_created) >= ?1 GROUP BY 1""";

    /** As the original's pivot (§4.5): average execution time per job function, of the jobs that ran. */
    private static final String SLOWEST_FUNCTIONS = """
            SELECT job_function, avg(exec_time_ms), max(exec_time_ms), count(*) FROM queue_job
             WHERE state = 'done' AND exec_time_ms IS NOT NULL
             GROUP BY job_function ORDER BY avg(exec_time_ms) DESC LIMIT ?1""";

    private static final String OLDEST_WAITING = """
            SELECT DISTINCT ON (channel) channel, uuid, description, date_created FROM queue_job
             WHERE state IN ('wait_dependencies', 'pending')
             ORDER BY channel, date_created, id""";

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    @Inject
    @QueueJobClock
    Clock clock;

    /** Job counts per channel (rows, in name order) and state (dbValue → count). */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Long>> countsByChannelAndState() {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        List<Object[]> rows = em.createNativeQuery(STATE_CHANNEL_COUNTS).getResultList();
        for (Object[] row : rows) {
            counts.computeIfAbsent((String) row[0], channel -> new TreeMap<>())
                    .put((String) row[1], ((Number) row[2]).longValue());
        }
        return counts;
    }

    /** Jobs done and failed in each of the last {@link #HOURS} hours, oldest hour first (empty hours included). */
    @SuppressWarnings("unchecked")
    public List<HourCount> throughput() {
        Instant currentHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant since = currentHour.minus(Duration.ofHours(HOURS - 1L));
        Map<Instant, long[]> hours = new TreeMap<>();
        for (int i = 0; i < HOURS; i++) {
            hours.put(since.plus(Duration.ofHours(i)), new long[2]);
        }
        List<Object[]> rows = em.createNativeQuery(THROUGHPUT)
                .setParameter(1, Timestamp.from(since))
                .getResultList();
        for (Object[] row : rows) {
            Instant hour = instant(row[0]);
            long[] counts = hours.get(hour);
            if (counts != null) {
                counts["done".equals(row[1]) ? 0 : 1] += ((Number) row[2]).longValue();
            }
        }
        List<HourCount> result = new ArrayList<>();
        hours.forEach((hour, counts) -> result.add(new HourCount(hour, counts[0], counts[1])));
        return result;
    }

    /** The job functions with the longest average execution time. */
    @SuppressWarnings("unchecked")
    public List<FunctionTime> slowestFunctions() {
        List<Object[]> rows =
                em.createNativeQuery(SLOWEST_FUNCTIONS).setParameter(1, SLOWEST).getResultList();
        return rows.stream()
                .map(row -> new FunctionTime(
                        (String) row[0],
                        ((Number) row[1]).doubleValue(),
                        ((Number) row[2]).longValue(),
                        ((Number) row[3]).longValue()))
                .toList();
    }

    /** Per channel, its oldest job still waiting to run (pending or waiting for dependencies). */
    @SuppressWarnings("unchecked")
    public List<OldestWaiting> oldestWaiting() {
        List<Object[]> rows = em.createNativeQuery(OLDEST_WAITING).getResultList();
        return rows.stream()
                .map(row -> new OldestWaiting(
                        (String) row[0], UUID.fromString(row[1].toString()), (String) row[2], instant(row[3])))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new IllegalStateException("Not a time: " + value);
    }

    /** Jobs done and failed in one hour. */
    public record HourCount(Instant hour, long done, long failed) implements Serializable {}

    /** A job function's execution times (milliseconds) over its done jobs. */
    public record FunctionTime(String jobFunction, double averageMillis, long maxMillis, long jobs)
            implements Serializable {}

    /** A channel's oldest waiting job. */
    public record OldestWaiting(String channel, UUID uuid, String description, Instant dateCreated)
            implements Serializable {}
}
