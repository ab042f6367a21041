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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.domain.model.statistics.EndedJobCount;
import org.queuejob.domain.model.statistics.EndedJobTally;
import org.queuejob.infrastructure.config.QueueJobClock;

/**
 * How many jobs ended (done, cancelled) per minute, channel and job function, with their execution times: what the
 * dashboard shows of the last day. A minute that has passed is counted once, by whichever server gets there first
 * (every minute, or at a look), and kept ({@code queue_job_count}); only the current minute (and the one before, for
 * {@link #GRACE} after it ended) is counted live, through the index on when jobs ended. A look therefore reads about
 * a minute of jobs, whatever the history kept, and the kept counts summed per hour.
 */
@Stateless
public class EndedJobCounts {

    /**
     * A minute: the benchmark's run J (2,000 jobs/s) took 722 ms a look with five-minute periods, most of it counting
     * the current one's jobs; a minute of them is a fifth at most, and a day of kept minutes is summed per hour in the
     * database.
     */
    public static final Duration PERIOD = Duration.ofMinutes(1);

    /**
     * A period is counted once it ended this long ago, not at once: a job's end is stamped a moment before its
     * transaction commits, and a count taken in between would leave it out for good. Until then it is counted live.
     */
    static final Duration GRACE = Duration.ofSeconds(5);

    /** Counted periods are kept this long, then forgotten. */
    static final Duration KEPT = Duration.ofHours(48);

    private static final Logger LOG = Logger.getLogger(EndedJobCounts.class.getName());

    @Inject
    EndedJobTally tally;

    @Resource
    SessionContext context;

    @Inject
    ApplicationStart applicationStart;

    @Inject
    @QueueJobClock
    Clock clock;

    /** The period {@code instant} falls in. */
    static Instant periodOf(Instant instant) {
        long size = PERIOD.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(instant.toEpochMilli(), size) * size);
    }

    /**
     * The runs of consecutive periods among {@code periods} (in order): each run is counted by one statement that
     * reads its range of jobs once.
     */
    static List<Run> runs(List<Instant> periods) {
        List<Run> runs = new ArrayList<>();
        for (Instant period : periods) {
            int last = runs.size() - 1;
            if (last >= 0 && runs.get(last).to().equals(period)) {
                runs.set(last, new Run(runs.get(last).from(), period.plus(PERIOD)));
            } else {
                runs.add(new Run(period, period.plus(PERIOD)));
            }
        }
        return runs;
    }

    /** Consecutive periods, from the start of the first to the end of the last. */
    record Run(Instant from, Instant to) {}

    /** Every minute, on every server: the period that just closed is counted by the first one there. */
    @Schedule(minute = "*", second = "10", hour = "*", persistent = false)
    void countTheLastPeriod() {
        if (!applicationStart.isOver()) {
            return; // the next minute counts it (see ApplicationStart)
        }
        Instant last = firstLive(clock.instant()).minus(PERIOD);
        try {
            self().count(last, last.plus(PERIOD));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Ended jobs not counted now; the next look counts them", e);
        }
    }

    /**
     * The counts from {@code since} (the start of an hour) up to now: the periods that may be counted (counted now
     * where missing) summed per hour, and the later ones (the current period, and the one before it for
     * {@link #GRACE} after it ended), counted live, per period.
     */
    public List<EndedJobCount> since(Instant since) {
        Instant now = clock.instant();
        Instant live = firstLive(now);
        for (Run run : runs(tally.uncounted(since, live, PERIOD))) {
            self().count(run.from(), run.to());
        }
        List<EndedJobCount> counts = new ArrayList<>(tally.countedByHour(since, live));
        // A job stamped ahead of this server's clock (another server's clock, a moment ahead) is shown as now.
        Instant current = periodOf(now);
        tally.countSince(live, PERIOD)
                .forEach(count -> counts.add(count.period().isAfter(current) ? count.in(current) : count));
        return counts;
    }

    /** The first period that is not counted yet but live, at {@code now}: the current one, or the one before it. */
    static Instant firstLive(Instant now) {
        return periodOf(now.minus(GRACE));
    }

    /**
     * Counts the periods from {@code from} to {@code to} that no other server (or look) has counted, and forgets those
     * older than {@link #KEPT}.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void count(Instant from, Instant to) {
        tally.count(from, to, PERIOD);
        tally.forgetBefore(from.minus(KEPT));
    }

    private EndedJobCounts self() {
        return context.getBusinessObject(EndedJobCounts.class);
    }
}
