package org.queuejob.domain.model.statistics;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The ended jobs (done, cancelled) counted per period and kept: a period is claimed by the first server (or look)
 * there, counted once by that claimant, and forgotten after a while. Joins the caller's transaction.
 */
public interface EndedJobTally {

    /** The periods starting from {@code from} and before {@code to} that have been claimed. */
    Set<Instant> countedPeriods(Instant from, Instant to);

    /** Claims the period starting at {@code period}; false if it was claimed before. */
    boolean claim(Instant period);

    /** Counts and keeps the jobs that ended from {@code from} and before {@code to}, as the period {@code from}. */
    void count(Instant from, Instant to);

    /** Forgets the periods that started before {@code before}, with their counts. */
    void forgetBefore(Instant before);

    /** The kept counts of the periods starting from {@code from} and before {@code to}. */
    List<EndedJobCount> counted(Instant from, Instant to);

    /** The jobs that ended since {@code period} started, counted now, as that period. */
    List<EndedJobCount> countSince(Instant period);
}
