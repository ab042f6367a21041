package org.queuejob.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.domain.model.statistics.EndedJobCount;
import org.queuejob.domain.model.statistics.EndedJobTally;
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

    @Inject
    EndedJobTally tally;

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
    public List<EndedJobCount> since(Instant since) {
        Instant current = periodOf(clock.instant());
        Set<Instant> counted = tally.countedPeriods(since, current);
        for (Instant period = since; period.isBefore(current); period = period.plus(PERIOD)) {
            if (!counted.contains(period)) {
                self().count(period);
            }
        }
        List<EndedJobCount> counts = new ArrayList<>(tally.counted(since, current));
        counts.addAll(tally.countSince(current));
        return counts;
    }

    /**
     * Counts one period that has passed, unless another server (or look) already did: the period is claimed first,
     * and only the claimant counts.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void count(Instant period) {
        if (tally.claim(period)) {
            tally.count(period, period.plus(PERIOD));
            tally.forgetBefore(period.minus(KEPT));
        }
    }

    private EndedJobCounts self() {
        return context.getBusinessObject(EndedJobCounts.class);
    }
}
