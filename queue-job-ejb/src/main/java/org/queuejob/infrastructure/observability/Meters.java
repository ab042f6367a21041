package org.queuejob.infrastructure.observability;

import java.util.function.Supplier;

/**
 * The queue's metrics, on whichever registry the server offers: MicroProfile Metrics (Payara) or Micrometer
 * (WildFly's micrometer subsystem), or none. Names are dotted ({@code queue_job.done}); both registries export them
 * to Prometheus as {@code queue_job_done_total} and so on. Meters are made once and then only updated in memory.
 */
public interface Meters {

    /** A monotonic count. */
    interface Count {
        void inc();

        long count();
    }

    /** A distribution of recorded values (exported with quantiles). */
    interface Distribution {
        void record(long value);
    }

    /** A counter with one tag. */
    Count counter(String name, String description, String tag, String value);

    Distribution histogram(String name, String description);

    /**
     * A gauge read when the metrics are scraped; {@code tags} are name, value pairs. Registering one twice fails with
     * an {@link IllegalArgumentException} or {@link IllegalStateException}, as the registry decides.
     */
    void gauge(String name, String description, Supplier<Number> value, String... tags);

    /**
     * Removes this application's meters from a registry that outlives it (WildFly's is the server's: counters of an
     * undeployed application would otherwise go on from where they were at its next deployment).
     */
    default void removeAll() {}
}
