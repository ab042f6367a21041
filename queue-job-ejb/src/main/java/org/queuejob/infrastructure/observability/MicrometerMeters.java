package org.queuejob.infrastructure.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * {@link Meters} on Micrometer (WildFly's micrometer subsystem, whose Prometheus registry serves {@code /metrics}).
 * Loaded only where Micrometer exists. Distributions export count, sum and maximum: no quantiles, which would need
 * HdrHistogram, absent from WildFly's Micrometer module.
 */
final class MicrometerMeters implements Meters {

    private final MeterRegistry registry;

    MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Count counter(String name, String description, String tag, String value) {
        Counter counter =
                Counter.builder(name).description(description).tag(tag, value).register(registry);
        return new Count() {
            @Override
            public void inc() {
                counter.increment();
            }

            @Override
            public long count() {
                return (long) counter.count();
            }
        };
    }

    @Override
    public Distribution histogram(String name, String description) {
        DistributionSummary summary =
                DistributionSummary.builder(name).description(description).register(registry);
        return summary::record;
    }

    @Override
    public void gauge(String name, String description, Supplier<Number> value, String... tags) {
        if (registry.find(name).tags(tags).gauge() != null) {
            throw new IllegalStateException("A gauge " + name + " is registered already");
        }
        Gauge.builder(name, value).description(description).tags(tags).register(registry);
    }
}
