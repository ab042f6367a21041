package org.queuejob.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The queue's time source. Tests replace it with an {@code @Alternative @Priority} producer of a settable clock;
 * nothing in the queue reads the system time directly.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @QueueJobClock
    Clock clock() {
        return Clock.systemUTC();
    }
}
