package org.queuejob.bench.phase;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the no-op job of every system does: counts its run and notes when it started (System.nanoTime), in memory,
 * so that the measurement adds no statement. A waiting thread is woken by the run that completes the expected
 * count instead of polling, so the measurement costs no CPU while the system under test works.
 */
public final class RunLog {

    private final AtomicInteger runs = new AtomicInteger();
    private volatile long[] starts = new long[0];
    private volatile CountDownLatch expected = new CountDownLatch(0);

    /** Forgets every run and expects {@code count} new ones. */
    public synchronized void reset(int count) {
        starts = new long[count];
        expected = new CountDownLatch(count);
        runs.set(0);
    }

    /** One job starts now. */
    public void started() {
        long now = System.nanoTime();
        int index = runs.getAndIncrement();
        long[] slots = starts;
        if (index < slots.length) {
            slots[index] = now;
        }
        expected.countDown();
    }

    public int runs() {
        return runs.get();
    }

    /** Waits until the expected runs happened; fails with how many did when {@code timeout} passes first. */
    public void await(Duration timeout) throws InterruptedException {
        if (!expected.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException(
                    "Only " + runs.get() + " of " + starts.length + " jobs ran in " + timeout.toSeconds() + " s");
        }
    }

    /** The start of the {@code index}-th run since the reset (valid once {@link #await} returned). */
    public long start(int index) {
        return starts[index];
    }

    /** The last start of the expected runs. */
    public long lastStart() {
        return Arrays.stream(starts).max().orElse(0);
    }

    /**
     * The longest stretch without any job starting between the first and the last expected start: where a queue
     * stalls while work is waiting.
     */
    public long longestGapNanos() {
        long[] sorted = starts.clone();
        Arrays.sort(sorted);
        long longest = 0;
        for (int i = 1; i < sorted.length; i++) {
            longest = Math.max(longest, sorted[i] - sorted[i - 1]);
        }
        return longest;
    }
}
