package org.queuejob.domain.model.recurring;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a due record does now: enqueue a job for one tick (or none), and when it is due next. Ticks not enqueued in
 * time are missed once the latest of them is more than {@link #LATE_AFTER} old; under {@link MissedTicks#SKIP} they
 * enqueue nothing, under {@link MissedTicks#RUN_ONCE} the latest of them enqueues one job. Either way several due ticks
 * make at most one job, and the next run is the first tick after {@code now}.
 *
 * @param tick the tick to enqueue a job for; empty when the due ticks were missed and are skipped
 * @param missed how many due ticks enqueue nothing (for the log)
 * @param nextRun the first tick after now; empty when the expression fires no more
 */
public record TickPlan(Optional<Instant> tick, long missed, Optional<Instant> nextRun) {

    /** A tick later than this is missed: longer than any pause of a live server, shorter than a restart. */
    public static final Duration LATE_AFTER = Duration.ofMinutes(1);

    /** Counting missed ticks stops here: the log says "at least". */
    static final int COUNT_LIMIT = 1000;

    public TickPlan {
        Objects.requireNonNull(tick, "The tick is required (empty for none).");
        Objects.requireNonNull(nextRun, "The next run is required (empty for none).");
    }

    /**
     * The plan of a record whose next run was {@code due}, at {@code now}.
     *
     * @throws IllegalArgumentException when {@code due} is after {@code now} (nothing is due)
     */
    public static TickPlan at(CronSchedule schedule, Instant due, Instant now, MissedTicks policy) {
        if (due.isAfter(now)) {
            throw new IllegalArgumentException("Nothing is due at " + now + ": the next run is " + due);
        }
        Instant latest = schedule.latestDue(due, now).orElse(due);
        long dueTicks = count(schedule, due, now);
        boolean late = Duration.between(latest, now).compareTo(LATE_AFTER) > 0;
        Optional<Instant> next = schedule.next(now);
        if (late && policy == MissedTicks.SKIP) {
            return new TickPlan(Optional.empty(), dueTicks, next);
        }
        return new TickPlan(Optional.of(latest), dueTicks - 1, next);
    }

    private static long count(CronSchedule schedule, Instant due, Instant now) {
        long count = 1;
        for (Optional<Instant> tick = schedule.next(due);
                tick.isPresent() && !tick.get().isAfter(now) && count < COUNT_LIMIT;
                tick = schedule.next(tick.get())) {
            count++;
        }
        return count;
    }
}
