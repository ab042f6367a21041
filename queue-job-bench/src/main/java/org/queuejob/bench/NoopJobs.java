package org.queuejob.bench;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.queuejob.api.Job;

/** Jobs that do nothing but note that they ran, and when. */
@ApplicationScoped
public class NoopJobs {

    private final AtomicInteger runs = new AtomicInteger();
    private final ConcurrentHashMap<Long, Long> startedAt = new ConcurrentHashMap<>();

    @Job
    public void noop(int index) {
        runs.incrementAndGet();
    }

    /** Notes the start time of probe {@code probe} (System.nanoTime, same JVM as the enqueuer). */
    @Job
    public void probe(long probe) {
        startedAt.put(probe, System.nanoTime());
    }

    int runs() {
        return runs.get();
    }

    void resetRuns() {
        runs.set(0);
    }

    Long startedAt(long probe) {
        return startedAt.get(probe);
    }
}
