package org.queuejob.infrastructure.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * {@link Meters} on Micrometer (WildFly's micrometer subsystem, whose Prometheus registry serves {@code /metrics}).
 * Loaded only where Micrometer exists.
 *
 * <p>Meters are registered through the registry's own methods ({@code counter}, {@code summary}, {@code gauge}), not
 * through builders: WildFly 39's application registry hands only those on to the exported registry (adding the
 * deployment's tag), and keeps what builders register to itself. So descriptions are not exported. Distributions
 * export count, sum and maximum: no quantiles, which would need HdrHistogram, absent from WildFly's Micrometer module.
 */
final class MicrometerMeters implements Meters {

    private final MeterRegistry registry;

    /** Micrometer holds a gauge's object weakly: the suppliers are held here, for as long as the application runs. */
    private final List<Supplier<Number>> gauges = new CopyOnWriteArrayList<>();

    private final List<Meter> registered = new CopyOnWriteArrayList<>();

    MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Count counter(String name, String description, String tag, String value) {
        Counter counter = registry.counter(name, Tags.of(tag, value));
        registered.add(counter);
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
        DistributionSummary summary = registry.summary(name, Tags.empty());
        registered.add(summary);
        return summary::record;
    }

    @Override
    public void gauge(String name, String description, Supplier<Number> value, String... tags) {
        gauges.add(value);
        registry.gauge(name, Tags.of(tags), value, supplier -> supplier.get().doubleValue());
        Meter gauge = registry.find(name).tags(tags).gauge();
        if (gauge != null) {
            registered.add(gauge);
        }
    }

    @Override
    public void removeAll() {
        registered.forEach(registry::remove);
        registered.clear();
        gauges.clear();
    }
}
