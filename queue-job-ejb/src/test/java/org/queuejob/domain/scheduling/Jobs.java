package org.queuejob.domain.scheduling;

import java.time.Instant;
import java.util.List;

/** Test data: instants as seconds after a fixed origin, and candidate jobs with readable defaults. */
final class Jobs {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final int DEFAULT_PRIORITY = 10;

    private Jobs() {}

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** Same creation date for all, so that the id breaks ties, as the original doctests' seq. */
    static CandidateJob job(long id, String channel) {
        return job(id, channel, DEFAULT_PRIORITY);
    }

    static CandidateJob job(long id, String channel, int priority) {
        return new CandidateJob(id, channel, priority, T0, null);
    }

    static CandidateJob job(long id, String channel, int priority, Instant created) {
        return new CandidateJob(id, channel, priority, created, null);
    }

    static CandidateJob etaJob(long id, String channel, Instant eta) {
        return new CandidateJob(id, channel, DEFAULT_PRIORITY, T0, eta);
    }

    static List<Long> ids(List<CandidateJob> jobs) {
        return jobs.stream().map(CandidateJob::id).toList();
    }

    static ChannelScheduler scheduler(String config) {
        return new ChannelScheduler(ChannelConfig.parse(config));
    }
}
