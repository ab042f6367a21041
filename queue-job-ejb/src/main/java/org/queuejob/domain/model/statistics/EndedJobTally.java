package org.queuejob.domain.model.statistics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The ended jobs (done, cancelled) counted per period and kept: a period is claimed by the first server (or look)
 * there, counted once by that claimant, and forgotten after a while. Joins the caller's transaction.
 */
public interface EndedJobTally {

    /** The periods of length {@code period} starting from {@code from} and before {@code to} not claimed yet. */
    List<Instant> uncounted(Instant from, Instant to, Duration period);

    /**
     * Claims the periods of length {@code period} from {@code from} to {@code to} that no one has claimed, and counts
     * and keeps the jobs that ended in the ones it claimed (in one statement, so that a period is never claimed and
     * left uncounted).
     */
    void count(Instant from, Instant to, Duration period);

    /** Forgets the periods that started before {@code before}, with their counts. */
    void forgetBefore(Instant before);

    /**
     * The kept counts of the periods starting from {@code from} and before {@code to}, summed per hour (UTC): each
     * count's period is the start of its hour.
     */
    List<EndedJobCount> countedByHour(Instant from, Instant to);

    /** The jobs that ended since {@code period} started, counted now, per period of length {@code length}. */
    List<EndedJobCount> countSince(Instant period, Duration length);
}
