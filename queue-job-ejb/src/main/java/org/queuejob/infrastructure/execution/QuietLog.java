package org.queuejob.infrastructure.execution;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A warning that repeats itself while a condition lasts (the database away): written at most once per interval,
 * with how many were left out since, so an outage is one line a minute rather than one per job.
 */
final class QuietLog {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong lastNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger leftOut = new AtomicInteger();

    QuietLog(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    void warn(Supplier<String> message) {
        long now = System.nanoTime();
        long last = lastNanos.get();
        if ((last == Long.MIN_VALUE || now - last >= intervalNanos) && lastNanos.compareAndSet(last, now)) {
            int more = leftOut.getAndSet(0);
            log.warning(() -> message.get() + (more > 0 ? " (" + more + " more like it since the last warning)" : ""));
        } else {
            leftOut.incrementAndGet();
        }
    }
}
