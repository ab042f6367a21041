package org.queuejob.domain.model.statistics;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Live counts of the jobs that have not ended, which the in-flight indexes cover, so that they stay cheap with
 * millions of ended jobs kept. Joins the caller's transaction if there is one and needs none.
 */
public interface JobCounts {

    /** Per channel and state, the jobs that have not ended (waiting, running, failed). */
    List<StateCount> unended();

    /** Failed jobs per hour (its start) by the start of their last try, from {@code since} on; empty hours absent. */
    Map<Instant, Long> failedPerHour(Instant since);

    /**
     * Per channel of {@code channels} and waiting state, its oldest job: by channel, then oldest first, so the first
     * of each channel is its oldest waiting job.
     */
    List<WaitingJob> oldestWaiting(Collection<String> channels);
}
