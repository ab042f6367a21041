package org.queuejob.it.autovacuum;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.queuejob.infrastructure.config.QueueJobClock;

/**
 * The queue's clock in the autovacuum tests: the system's, or a fixed instant while a test needs to know exactly
 * what "now" a run counts back from (jobs one second either side of a deadline).
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class SettableClock {

    private volatile Instant fixed;

    /** From now on the queue's time is {@code instant}, until {@link #release()}. */
    public void fix(Instant instant) {
        this.fixed = instant;
    }

    public void release() {
        this.fixed = null;
    }

    @Produces
    @QueueJobClock
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.system(zone);
            }

            @Override
            public Instant instant() {
                Instant now = fixed;
                return now == null ? Instant.now() : now;
            }
        };
    }
}
