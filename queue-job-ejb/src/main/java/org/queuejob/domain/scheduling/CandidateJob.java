package org.queuejob.domain.scheduling;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A waiting job offered to {@link ChannelScheduler#select}: one of the few heads the dispatcher read from the
 * database for a channel. Only what ordering and eligibility need; the job itself stays in the database.
 *
 * @param id          database id; the last tie-breaker of {@link #DISPATCH_ORDER}
 * @param channel     the job's own channel name, as stored (resolved to a configured channel by the scheduler)
 * @param priority    smaller starts first (0 is the highest)
 * @param dateCreated creation time
 * @param eta         do not start before this instant; null = as soon as possible
 */
public record CandidateJob(long id, String channel, int priority, Instant dateCreated, Instant eta) {

    /**
     * The order in which jobs compete inside a channel and with its sub-channels' jobs: priority, date created, id.
     * The dispatcher's {@code ORDER BY priority, date_created, id} must match it. The eta is not part of it: a
     * job whose eta has passed competes like any other (as the original does once it moves an eta job to the
     * ready queue).
     */
    public static final Comparator<CandidateJob> DISPATCH_ORDER = Comparator.comparingInt(CandidateJob::priority)
            .thenComparing(CandidateJob::dateCreated)
            .thenComparingLong(CandidateJob::id);

    public CandidateJob {
        Objects.requireNonNull(channel, "job channel is required");
        Objects.requireNonNull(dateCreated, "job creation date is required");
    }

    /** True when the job may start at {@code now} as far as its eta is concerned. */
    public boolean isDue(Instant now) {
        return eta == null || !eta.isAfter(now);
    }
}
