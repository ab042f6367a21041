package org.queuejob.it.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts executions per marker: the ground truth for "ran exactly once", independent of job states. */
@ApplicationScoped
public class ExecutionLog {

    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

    void record(String marker) {
        runs.computeIfAbsent(marker, m -> new AtomicInteger()).incrementAndGet();
    }

    public int runs(String marker) {
        AtomicInteger count = runs.get(marker);
        return count == null ? 0 : count.get();
    }
}
