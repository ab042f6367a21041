package org.queuejob.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.Serializable;
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
import org.queuejob.domain.model.statistics.EndedJobCount;
import org.queuejob.domain.model.statistics.JobCounts;
import org.queuejob.domain.model.statistics.StateCount;
import org.queuejob.domain.model.statistics.WaitingJob;
import org.queuejob.infrastructure.config.QueueJobClock;

/**
 * The back office's landing page: how many jobs are where, how many ran and failed lately, which job functions are
 * slow, which channels have jobs waiting for long. Every figure comes from the database, so that every server sharing
 * it shows the same. Jobs that have not ended are counted live; ended jobs over the last {@link #HOURS} hours come
 * from {@link EndedJobCounts} (minutes that have passed counted once), so a look reads a minute of jobs, not the
 * history, and the page stays fast with ten million ended jobs kept. A look ({@link #look}) reads them once for all
 * its figures.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DashboardService {

    /** Hours of throughput shown, and of ended jobs counted. */
    public static final int HOURS = 24;

    static final int SLOWEST = 10;

    @Inject
    JobCounts jobCounts;

    @Inject
    @QueueJobClock
    Clock clock;

    @EJB
    EndedJobCounts ended;

    /** Everything the dashboard shows, from one read of the ended jobs. */
    public Look look() {
        // One start for every figure: read twice, the clock could fall either side of an hour between the reads.
        Instant since = since();
        List<EndedJobCount> ended = this.ended.since(since);
        Map<String, Map<String, Long>> counts = countsByChannelAndState(ended);
        return new Look(
                counts, throughput(since, ended), slowestFunctions(ended), oldestWaiting(channelsWithWaiting(counts)));
    }

    /**
     * Job counts per channel (rows, in name order) and state (dbValue → count): every job that has not ended, and
     * the jobs that ended (done, cancelled) in the last {@link #HOURS} hours.
     */
    private Map<String, Map<String, Long>> countsByChannelAndState(List<EndedJobCount> ended) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (StateCount count : jobCounts.unended()) {
            counts.computeIfAbsent(count.channel(), channel -> new TreeMap<>()).put(count.state(), count.jobs());
        }
        for (EndedJobCount count : ended) {
            counts.computeIfAbsent(count.channel(), channel -> new TreeMap<>())
                    .merge(count.state(), count.jobs(), Long::sum);
        }
        return counts;
    }

    /** The channels of {@code counts} (as {@link Look#counts} has them) that have jobs waiting. */
    static List<String> channelsWithWaiting(Map<String, Map<String, Long>> counts) {
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

    /** Jobs done and failed in each of the last {@link #HOURS} hours, oldest hour first (empty hours included). */
    private List<HourCount> throughput(Instant since, List<EndedJobCount> ended) {
        Map<Instant, long[]> hours = new TreeMap<>();
        for (int i = 0; i < HOURS; i++) {
            hours.put(since.plus(Duration.ofHours(i)), new long[2]);
        }
        for (EndedJobCount count : ended) {
            long[] counts = hours.get(count.period().truncatedTo(ChronoUnit.HOURS));
            if (counts != null && "done".equals(count.state())) {
                counts[0] += count.jobs();
            }
        }
        jobCounts.failedPerHour(since).forEach((hour, failed) -> {
            long[] counts = hours.get(hour);
            if (counts != null) {
                counts[1] += failed;
            }
        });
        List<HourCount> result = new ArrayList<>();
        hours.forEach((hour, counts) -> result.add(new HourCount(hour, counts[0], counts[1])));
        return result;
    }

    /** The job functions with the longest average execution time over the last {@link #HOURS} hours. */
    private static List<FunctionTime> slowestFunctions(List<EndedJobCount> ended) {
        Map<String, long[]> byFunction = new TreeMap<>(); // jobs, sum, max
        for (EndedJobCount count : ended) {
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
     * Per channel of {@code channels} (those with jobs waiting), its oldest job still waiting to run (pending or
     * waiting for dependencies).
     */
    private List<OldestWaiting> oldestWaiting(Collection<String> channels) {
        if (channels.isEmpty()) {
            return List.of();
        }
        Map<String, OldestWaiting> oldest = new LinkedHashMap<>();
        for (WaitingJob job : jobCounts.oldestWaiting(channels)) {
            // Rows come oldest first per channel: the first one of each channel is its oldest.
            oldest.putIfAbsent(
                    job.channel(), new OldestWaiting(job.channel(), job.uuid(), job.description(), job.dateCreated()));
        }
        return List.copyOf(oldest.values());
    }

    /**
     * One look at the dashboard: job counts per channel (in name order) and state (dbValue → count), jobs done and
     * failed per hour (oldest first), the slowest job functions, and each waiting channel's oldest job.
     */
    public record Look(
            Map<String, Map<String, Long>> counts,
            List<HourCount> throughput,
            List<FunctionTime> slowest,
            List<OldestWaiting> oldest)
            implements Serializable {}

    /** Jobs done and failed in one hour. */
    public record HourCount(Instant hour, long done, long failed) implements Serializable {}

    /** A job function's execution times (milliseconds) over its done jobs. */
    public record FunctionTime(String jobFunction, double averageMillis, long maxMillis, long jobs)
            implements Serializable {}

    /** A channel's oldest waiting job. */
    public record OldestWaiting(String channel, UUID uuid, String description, Instant dateCreated)
            implements Serializable {}
}
