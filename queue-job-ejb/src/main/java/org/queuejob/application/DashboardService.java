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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.persistence.PostgresArrays;

/**
 * The back office's landing page: how many jobs are where, how many ran and failed lately, which job functions are
 * slow, which channels have jobs waiting for long. Every figure is an aggregate query over the job table, so that
 * every server sharing the database shows the same; none reads the history beyond the last {@link #HOURS} hours, so
 * the page stays fast with ten million ended jobs kept (ended jobs are counted over that window).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DashboardService {

    /** Hours of throughput shown, and of ended jobs counted. */
    public static final int HOURS = 24;

    static final int SLOWEST = 10;

    /** Jobs that have not ended: the partial list and in-flight indexes cover them. */
    private static final String LIVE_COUNTS = """
            SELECT channel, state, count(*) FROM queue_job
             WHERE state IN ('wait_dependencies', 'pending', 'enqueued', 'started', 'failed')
             GROUP BY channel, state""";

    /** Jobs ended since ?1, through the index on when they ended. */
    private static final String ENDED_COUNTS = """
            SELECT channel, state, count(*) FROM queue_job
             WHERE state IN ('done', 'cancelled') AND coalesce(date_done, date_cancelled) >= ?1
             GROUP BY channel, state""";

    /** Done per hour by date_done; failed per hour by the start of their last try (no failure date is stored). */
    private static final String THROUGHPUT = """
            SELECT date_trunc('hour', date_done) AS hour, 'done', count(*) FROM queue_job
             WHERE state = 'done' AND coalesce(date_done, date_cancelled) >= ?1 GROUP BY 1
            UNION ALL
            SELECT date_trunc('hour', coalesce(date_started, date_created)), 'failed', count(*) FROM queue_job
             WHERE state = 'failed' AND coalesce(date_started, date_created) >= ?1 GROUP BY 1""";

    /** As the original's pivot (§4.5): average execution time per job function, of the jobs done since ?1. */
    private static final String SLOWEST_FUNCTIONS = """
            SELECT job_function, avg(exec_time_ms), max(exec_time_ms), count(*) FROM queue_job
             WHERE state = 'done' AND coalesce(date_done, date_cancelled) >= ?1 AND exec_time_ms IS NOT NULL
             GROUP BY job_function ORDER BY avg(exec_time_ms) DESC LIMIT ?2""";

    /**
     * Per channel and waiting state, the oldest job: one backward step on the list index per pair, rather than a
     * sort of every waiting job.
     */
    private static final String OLDEST_WAITING = """
            SELECT c.channel, j.uuid, j.description, j.date_created
              FROM unnest(CAST(?1 AS text[])) AS c(channel)
             CROSS JOIN (VALUES ('wait_dependencies'), ('pending')) AS s(state)
             CROSS JOIN LATERAL (SELECT uuid, description, date_created, id FROM queue_job
                                  WHERE state = s.state AND channel = c.channel
                                  ORDER BY date_created, id LIMIT 1) AS j
             ORDER BY c.channel, j.date_created, j.id""";

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    @Inject
    @QueueJobClock
    Clock clock;

    /**
     * Job counts per channel (rows, in name order) and state (dbValue → count): every job that has not ended, and
     * the jobs that ended (done, cancelled) in the last {@link #HOURS} hours.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Long>> countsByChannelAndState() {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        List<Object[]> rows = new ArrayList<>(em.createNativeQuery(LIVE_COUNTS).getResultList());
        rows.addAll(em.createNativeQuery(ENDED_COUNTS).setParameter(1, since()).getResultList());
        for (Object[] row : rows) {
            counts.computeIfAbsent((String) row[0], channel -> new TreeMap<>())
                    .put((String) row[1], ((Number) row[2]).longValue());
        }
        return counts;
    }

    /** The channels of {@code counts} (as {@link #countsByChannelAndState} gives them) that have jobs waiting. */
    public static List<String> channelsWithWaiting(Map<String, Map<String, Long>> counts) {
        return counts.entrySet().stream()
                .filter(channel -> channel.getValue().containsKey("pending")
                        || channel.getValue().containsKey("wait_dependencies"))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The start of the oldest hour shown. */
    private Timestamp since() {
        Instant currentHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        return Timestamp.from(currentHour.minus(Duration.ofHours(HOURS - 1L)));
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

    /** The job functions with the longest average execution time over the last {@link #HOURS} hours. */
    @SuppressWarnings("unchecked")
    public List<FunctionTime> slowestFunctions() {
        List<Object[]> rows = em.createNativeQuery(SLOWEST_FUNCTIONS)
                .setParameter(1, since())
                .setParameter(2, SLOWEST)
                .getResultList();
        return rows.stream()
                .map(row -> new FunctionTime(
                        (String) row[0],
                        ((Number) row[1]).doubleValue(),
                        ((Number) row[2]).longValue(),
                        ((Number) row[3]).longValue()))
                .toList();
    }

    /**
     * Per channel of {@code channels} (those with jobs waiting, as {@link #countsByChannelAndState} tells), its oldest
     * job still waiting to run (pending or waiting for dependencies).
     */
    @SuppressWarnings("unchecked")
    public List<OldestWaiting> oldestWaiting(Collection<String> channels) {
        if (channels.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery(OLDEST_WAITING)
                .setParameter(1, PostgresArrays.literal(channels))
                .getResultList();
        Map<String, OldestWaiting> oldest = new LinkedHashMap<>();
        for (Object[] row : rows) {
            // Rows come oldest first per channel: the first one of each channel is its oldest.
            oldest.putIfAbsent(
                    (String) row[0],
                    new OldestWaiting(
                            (String) row[0], UUID.fromString(row[1].toString()), (String) row[2], instant(row[3])));
        }
        return List.copyOf(oldest.values());
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
