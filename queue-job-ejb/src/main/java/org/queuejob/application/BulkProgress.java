package org.queuejob.application;

import java.io.Serializable;
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
