package org.queuejob.infrastructure.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Chooses the metrics registry once: MicroProfile Metrics where the server has it (Payara), else Micrometer where
 * the server has it (WildFly with its micrometer subsystem), else none (the queue runs without metrics). Each
 * adapter class is only loaded when its API is there.
 */
@ApplicationScoped
public class MetersProducer {

    private static final Logger LOG = Logger.getLogger(MetersProducer.class.getName());

    static final String MICROPROFILE = "org.eclipse.microprofile.metrics.MetricRegistry";
    static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";

    @Inject
    BeanManager beans;

    private volatile Meters meters;

    @Produces
    Meters meters() {
        Meters chosen = meters;
        if (chosen == null) {
            synchronized (this) {
                chosen = meters;
                if (chosen == null) {
                    chosen = choose();
                    meters = chosen;
                }
            }
        }
        return chosen;
    }

    /** The application stops: its meters go with it, on registries that outlive it too. */
    @jakarta.annotation.PreDestroy
    void removeMeters() {
        Meters chosen = meters;
        if (chosen != null) {
            try {
                chosen.removeAll();
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.FINE, "Could not remove the queue's meters", e);
            }
        }
    }

    private Meters choose() {
        if (present(MICROPROFILE)) {
            Meters found = MicroProfile.meters(beans);
            if (found != null) {
                LOG.fine("Queue metrics on MicroProfile Metrics");
                return found;
            }
        }
        if (present(MICROMETER)) {
            Meters found = Micrometer.meters(beans.createInstance());
            if (found != null) {
                LOG.fine("Queue metrics on Micrometer");
                return found;
            }
        }
        LOG.info(
                "No metrics registry on this server (MicroProfile Metrics or Micrometer): the queue's metrics are off");
        return new NoMeters();
    }

    private static boolean present(String type) {
        try {
            Class.forName(type, false, MetersProducer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Holds the reference to MicroProfile Metrics' types, so that they load only when asked for. */
    private static final class MicroProfile {

        /** A field to make an injection point of: Payara's registry producer reads its injection point. */
        static final class Target {
            org.eclipse.microprofile.metrics.MetricRegistry registry;
        }

        static Meters meters(BeanManager beans) {
            if (beans.getBeans(org.eclipse.microprofile.metrics.MetricRegistry.class)
                    .isEmpty()) {
                return null;
            }
            jakarta.enterprise.inject.spi.InjectionPoint point =
                    beans.createInjectionPoint(beans.createAnnotatedType(Target.class)
                            .getFields()
                            .iterator()
                            .next());
            return new MicroProfileMeters((org.eclipse.microprofile.metrics.MetricRegistry)
                    beans.getInjectableReference(point, beans.createCreationalContext(null)));
        }
    }

    /** Holds the reference to Micrometer's types, so that they load only when asked for. */
    private static final class Micrometer {
        static Meters meters(Instance<Object> beans) {
            Instance<io.micrometer.core.instrument.MeterRegistry> registry =
                    beans.select(io.micrometer.core.instrument.MeterRegistry.class);
            return registry.isResolvable() ? new MicrometerMeters(registry.get()) : null;
        }
    }

    /** No registry: meters that count in memory (the back office's per-function counts still work). */
    static final class NoMeters implements Meters {

        @Override
        public Count counter(String name, String description, String tag, String value) {
            java.util.concurrent.atomic.LongAdder adder = new java.util.concurrent.atomic.LongAdder();
            return new Count() {
                @Override
                public void inc() {
                    adder.increment();
                }

                @Override
                public long count() {
                    return adder.sum();
                }
            };
        }

        @Override
        public Distribution histogram(String name, String description) {
            return value -> {};
        }

        @Override
        public void gauge(String name, String description, Supplier<Number> value, String... tags) {
            // nothing scrapes them
        }
    }
}
