package org.queuejob.domain.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plays the dispatcher and its database in tests: holds the waiting jobs, reads only the heads {@link Demand}
 * asks for, in {@link CandidateJob#DISPATCH_ORDER}, and removes what {@link ChannelScheduler#select} starts.
 */
final class Backlog {

    private final ChannelScheduler scheduler;
    private final List<CandidateJob> waiting = new ArrayList<>();

    Backlog(ChannelScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Adds jobs, replacing a waiting job with the same id (e.g. requeued with an eta). */
    Backlog add(CandidateJob... jobs) {
        for (CandidateJob job : jobs) {
            waiting.removeIf(w -> w.id() == job.id());
            waiting.add(job);
        }
        return this;
    }

    /** One dispatch round: the ids started, in start order. */
    List<Long> round(Instant now) {
        Map<String, List<CandidateJob>> heads = new LinkedHashMap<>();
        for (Demand demand : scheduler.demand(now)) {
            heads.put(
                    demand.channel(),
                    waiting.stream()
                            .filter(j -> scheduler.tree().resolve(j.channel()).equals(demand.channel()))
                            .filter(j -> demand.includeFutureEta() || j.isDue(now))
                            .sorted(CandidateJob.DISPATCH_ORDER)
                            .limit(demand.limit())
                            .toList());
        }
        List<CandidateJob> started = scheduler.select(now, heads);
        waiting.removeAll(started);
        return Jobs.ids(started);
    }

    Optional<Instant> wakeUp(Instant now) {
        Map<String, Instant> earliest = new HashMap<>();
        waiting.stream()
                .filter(j -> !j.isDue(now))
                .forEach(j -> earliest.merge(j.channel(), j.eta(), (a, b) -> a.isBefore(b) ? a : b));
        return scheduler.nextWakeUp(now, earliest);
    }

    int size() {
        return waiting.size();
    }
}
