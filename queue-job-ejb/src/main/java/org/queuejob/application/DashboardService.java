package org.queuejob.application;

import jakarta.ejb.EJB;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.persistence.PostgresArrays;

/**
 * The back office's landing page: how many jobs are where, how many ran and failed lately, which job functions are
 * slow, which channels have jobs waiting for long. Every figure comes from the database, so that every server sharing
 * it shows the same. Jobs that have not ended are counted live; ended jobs over the last {@link #HOURS} hours come
 * from {@link EndedJobCounts} (periods that have passed counted once), so a look reads five minutes of jobs, not
 * the history, and the page stays fast with ten million ended jobs kept.
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

    /** Failed per hour by the start of their last try (no failure date is stored); failed jobs are few. */
    private static final String FAILED_PER_HOUR = """
            SELECT date_trunc('hour', coalesce(date_started, date_created)), count(*) FROM queue_job
             WHERE state = 'failed' AND coalesce(date_started, date_created) >= ?1 GROUP BY 1""";

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

    @EJB
    EndedJobCounts ended;

    /**
     * Job counts per channel (rows, in name order) and state (dbValue → count): every job that has not ended, and
     * the jobs that ended (done, cancelled) in the last {@link #HOURS} hours.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Long>> countsByChannelAndState() {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(LIVE_COUNTS).getResultList()) {
            counts.computeIfAbsent((String) row[0], channel -> new TreeMap<>())
                    .put((String) row[1], ((Number) row[2]).longValue());
        }
        for (EndedJobCounts.Count count : endedWindow()) {
            counts.computeIfAbsent(count.channel(), channel -> new TreeMap<>())
                    .merge(count.state(), count.jobs(), Long::sum);
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

    /** The start of the current hour. */
    private Instant currentHour() {
        return clock.instant().truncatedTo(ChronoUnit.HOURS);
    }

    /** The start of the oldest hour shown. */
    private Instant since() {
        return currentHour().minus(Duration.ofHours(HOURS - 1L));
    }

    private List<EndedJobCounts.Count> endedWindow() {
        return ended.since(since());
    }

    /** Jobs done and failed in each of the last {@link #HOURS} hours, oldest hour first (empty hours included). */
    @SuppressWarnings("unchecked")
    public List<HourCount> throughput() {
        Instant since = since();
        Map<Instant, long[]> hours = new TreeMap<>();
        for (int i = 0; i < HOURS; i++) {
            hours.put(since.plus(Duration.ofHours(i)), new long[2]);
        }
        for (EndedJobCounts.Count count : endedWindow()) {
            long[] counts = hours.get(count.period().truncatedTo(ChronoUnit.HOURS));
            if (counts != null && "done".equals(count.state())) {
                counts[0] += count.jobs();
            }
        }
        List<Object[]> failed = em.createNativeQuery(FAILED_PER_HOUR)
                .setParameter(1, Timestamp.from(since))
                .getResultList();
        for (Object[] row : failed) {
            long[] counts = hours.get(instant(row[0]));
            if (counts != null) {
                counts[1] += ((Number) row[1]).longValue();
            }
        }
        List<HourCount> result = new ArrayList<>();
        hours.forEach((hour, counts) -> result.add(new HourCount(hour, counts[0], counts[1])));
        return result;
    }

    /** The job functions with the longest average execution time over the last {@link #HOURS} hours. */
    public List<FunctionTime> slowestFunctions() {
        Map<String, long[]> byFunction = new TreeMap<>(); // jobs, sum, max
        for (EndedJobCounts.Count count : endedWindow()) {
            if ("done".equals(count.state())) {
                long[] times = byFunction.computeIfAbsent(count.jobFunction(), function -> new long[3]);
                times[0] += count.jobs();
                times[1] += count.sumExecMillis();
                times[2] = Math.max(times[2], count.maxExecMillis());
            }
        }
        return byFunction.entrySet().stream()
                .filter(function -> function.getValue()[0] > 0)
                .map(function -> new FunctionTime(
                        function.getKey(),
                        function.getValue()[1] / (double) function.getValue()[0],
                        function.getValue()[2],
                        function.getValue()[0]))
                .sorted(Comparator.comparingDouble(FunctionTime::averageMillis).reversed())
                .limit(SLOWEST)
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

    static Instant instant(Object value) {
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
