package org.queuejob.infrastructure.observability;

import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** {@link Meters} on MicroProfile Metrics' application registry (Payara). Loaded only where that API exists. */
final class MicroProfileMeters implements Meters {

    private final MetricRegistry registry;

    MicroProfileMeters(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Count counter(String name, String description, String tag, String value) {
        Counter counter = registry.counter(metadata(name, description), new Tag(tag, value));
        return new Count() {
            @Override
            public void inc() {
                counter.inc();
            }

            @Override
            public long count() {
                return counter.getCount();
            }
        };
    }

    /**
     * Histograms, not MicroProfile timers: Payara 6 exports a timer's sum in seconds but its quantiles and maximum in
     * nanoseconds; a histogram's values are exported as recorded.
     */
    @Override
    public Distribution histogram(String name, String description) {
        Histogram histogram = registry.histogram(metadata(name, description));
        return histogram::update;
    }

    @Override
    public void gauge(String name, String description, Supplier<Number> value, String... tags) {
        Tag[] mpTags = new Tag[tags.length / 2];
        for (int i = 0; i < mpTags.length; i++) {
            mpTags[i] = new Tag(tags[2 * i], tags[2 * i + 1]);
        }
        registry.gauge(metadata(name, description), () -> value.get().doubleValue(), mpTags);
    }

    private static Metadata metadata(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }
}
