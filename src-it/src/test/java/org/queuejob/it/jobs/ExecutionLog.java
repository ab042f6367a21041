package org.queuejob.it.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts executions per marker: the ground truth for "ran exactly once", independent of job states. */
@ApplicationScoped
public class ExecutionLog {

    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

    void record(String marker) {
        runs.computeIfAbsent(marker, m -> new AtomicInteger()).incrementAndGet();
    }

    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostAtOnce = new ConcurrentHashMap<>();

    /** Notes that a job of {@code group} runs, for {@code millis}, and how many of the group ran at once. */
    void during(String group, long millis) {
        int now = running.computeIfAbsent(group, g -> new AtomicInteger()).incrementAndGet();
        mostAtOnce.computeIfAbsent(group, g -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        try {
            Thread.sleep(millis); // stands for the job's work
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.get(group).decrementAndGet();
            record(group);
        }
    }

    public int mostAtOnce(String group) {
        AtomicInteger most = mostAtOnce.get(group);
        return most == null ? 0 : most.get();
    }

    private final Map<String, List<String>> order = new ConcurrentHashMap<>();

    /** Notes that step {@code name} of graph {@code graph} ran, in the order steps run. */
    void step(String graph, String name) {
        order.computeIfAbsent(graph, g -> new CopyOnWriteArrayList<>()).add(name);
    }

    public List<String> steps(String graph) {
        return List.copyOf(order.getOrDefault(graph, List.of()));
    }

    public int runs(String marker) {
        AtomicInteger count = runs.get(marker);
        return count == null ? 0 : count.get();
    }
}
