package org.queuejob.domain.model.statistics;

import java.time.Instant;

/** One period's ended jobs of a channel, job function and state, with their execution times (milliseconds). */
public record EndedJobCount(
        Instant period,
        String channel,
        String jobFunction,
        String state,
        long jobs,
        long sumExecMillis,
        long maxExecMillis) {

    /** The same counts, as of another period. */
    public EndedJobCount in(Instant other) {
        return new EndedJobCount(other, channel, jobFunction, state, jobs, sumExecMillis, maxExecMillis);
    }
}
