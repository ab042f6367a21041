package org.queuejob.application;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far a bulk action has come, shared between the thread that runs it and the page that polls it (in one server:
 * the page started it, the page shows it).
 */
public final class BulkProgress implements Serializable {

    private static final long serialVersionUID = 1L;

    private final BulkAction action;
    private volatile int total = -1;
    private final AtomicInteger processed = new AtomicInteger();
    private final AtomicInteger changed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile boolean finished;
    private volatile String error;

    /** Why jobs were not changed: a sentence per reason, with how many jobs it applies to. */
    private final ConcurrentHashMap<String, AtomicInteger> reasons = new ConcurrentHashMap<>();

    public BulkProgress(BulkAction action) {
        this.action = action;
    }

    void start(int jobs) {
        this.total = jobs;
    }

    void chunkDone(int jobs, int changedJobs) {
        changed.addAndGet(changedJobs);
        failed.addAndGet(jobs - changedJobs);
        processed.addAndGet(jobs);
    }

    /** {@code jobs} of the jobs counted as not changed were not changed for this reason. */
    void notChanged(String reason, int jobs) {
        if (jobs > 0) {
            reasons.computeIfAbsent(reason, key -> new AtomicInteger()).addAndGet(jobs);
        }
    }

    void finish(String errorMessage) {
        this.error = errorMessage;
        this.finished = true;
    }

    public BulkAction action() {
        return action;
    }

    /** Jobs to go through; -1 while they are being selected. */
    public int total() {
        return total;
    }

    public int processed() {
        return processed.get();
    }

    public int changed() {
        return changed.get();
    }

    /** Jobs that could not be changed (their state changed meanwhile, or they vanished). */
    public int failed() {
        return failed.get();
    }

    public boolean finished() {
        return finished;
    }

    /** Why jobs were not changed, most frequent first: "1 job: Cannot cancel job … in state done; …". */
    public List<String> reasons() {
        return reasons.entrySet().stream()
                .sorted(Map.Entry.<String, AtomicInteger>comparingByValue((a, b) -> Integer.compare(b.get(), a.get()))
                        .thenComparing(Map.Entry.<String, AtomicInteger>comparingByKey()))
                .map(entry ->
                        entry.getValue().get() + (entry.getValue().get() == 1 ? " job: " : " jobs: ") + entry.getKey())
                .toList();
    }

    /** Why the action stopped early, or null. */
    public String error() {
        return error;
    }

    public int percent() {
        int all = total;
        if (finished) {
            return 100;
        }
        return all <= 0 ? 0 : (int) Math.min(100, processed.get() * 100L / all);
    }
}
