package org.queuejob.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.json.bind.JsonbBuilder;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.queuejob.api.Delayable;
import org.queuejob.api.Job;
import org.queuejob.api.JobArgumentException;
import org.queuejob.api.JobsTrap;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.domain.model.job.RetryPattern;
import org.queuejob.infrastructure.config.CallerNames;
import org.queuejob.infrastructure.context.ContextValues;
import org.queuejob.infrastructure.interception.CallCapture;
import org.queuejob.infrastructure.interception.JobFunction;
import org.queuejob.infrastructure.interception.JobFunctionCatalog;
import org.queuejob.infrastructure.interception.JobInvoker;
import org.queuejob.infrastructure.serialization.ArgumentCodec;
import org.queuejob.infrastructure.serialization.EntityReferences;

/**
 * A graph's node ({@code delayable()}) keeps its call's arguments as they were at the call, as a direct call's job
 * does: encoded when the node is built, whatever the caller does to them before {@code delay()}.
 */
class DefaultJobQueueTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

    /** The job methods the calls name; never run here (the invoker is replaced). */
    public static class Orders {
        @Job
        public void ship(List<String> skus) {}

        @Job
        public void upload(InputStream content) {}
    }

    private static final JobFunction SHIP = function("ship", List.class);
    private static final JobFunction UPLOAD = function("upload", InputStream.class);

    /** The jobs delay() stored, in the order it stored them. */
    private final List<QueueJob> stored = new ArrayList<>();

    /** The arguments the jobs run under no-delay were called with. */
    private final List<Object[]> ran = new ArrayList<>();

    private final DefaultJobQueue queue = new DefaultJobQueue();

    DefaultJobQueueTest() {
        ArgumentCodec codec = new ArgumentCodec(
                JsonbBuilder.create(), JsonbBuilder.create(ArgumentCodec.probeConfig()), new NoEntities(), 65_536);
        JobEnqueuer enqueuer = new JobEnqueuer() {
            @Override
            public Map<Integer, UUID> storeGraph(List<QueueJob> graph, int[] parents, int[] children) {
                stored.addAll(graph);
                return Map.of();
            }
        };
        enqueuer.codec = codec;
        enqueuer.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        enqueuer.catalog = new JobFunctionCatalog(); // nothing configured: the @Job defaults
        enqueuer.callerNames = callerNames();
        enqueuer.contextValues = new ContextValues() {
            @Override
            public String capture() {
                return null;
            }
        };
        queue.enqueuer = enqueuer;
        queue.codec = codec;
        queue.invoker = new JobInvoker() {
            @Override
            public Object invoke(JobFunction function, Object[] arguments) {
                ran.add(arguments);
                return null;
            }
        };
    }

    @Test
    void anArgumentChangedAfterDelayable_isStoredAsItWasAtTheCall() {
        List<String> skus = new ArrayList<>(List.of("A-1"));
        Delayable node = queue.delayable(() -> ship(skus));

        skus.add("B-2");
        node.delay();

        assertThat(stored).singleElement().extracting(QueueJob::arguments).isEqualTo("[[\"A-1\"]]");
    }

    @Test
    void theArgumentsOfEveryNodeOfAGraph_areThoseOfItsDelayableCall() {
        List<String> skus = new ArrayList<>(List.of("A-1"));
        Delayable first = queue.delayable(() -> ship(skus));
        skus.set(0, "B-2");
        Delayable second = queue.delayable(() -> ship(skus));

        skus.set(0, "C-3");
        queue.chain(first, second).delay();

        assertThat(stored).extracting(QueueJob::arguments).containsExactly("[[\"A-1\"]]", "[[\"B-2\"]]");
    }

    @Test
    void anArgumentThatCannotBeStored_failsAtDelayable_withTheSentenceOfADirectCall() {
        InputStream content = InputStream.nullInputStream();
        String direct = catchMessage(() -> queue.enqueuer.enqueue(UPLOAD, new Object[] {content}));

        assertThatThrownBy(() -> queue.delayable(() -> upload(content)))
                .isInstanceOf(JobArgumentException.class)
                .hasMessage(direct)
                .hasMessageContaining("Argument 'content'");
        assertThat(stored).isEmpty();
    }

    @Test
    void underNoDelay_aDelayedNodeRunsWithTheValuesOfItsDelayableCall() throws Exception {
        List<String> skus = new ArrayList<>(List.of("A-1"));

        queue.noDelay(() -> {
            Delayable node = queue.delayable(() -> ship(skus));
            skus.add("B-2");
            node.delay();
            return null;
        });

        assertThat(ran)
                .singleElement()
                .satisfies(arguments -> assertThat(arguments).containsExactly(List.of("A-1")));
        assertThat(stored).as("stored under no-delay").isEmpty();
    }

    @Test
    void aTrappedGraph_keepsItsCallsForTheTrapsAssertions() {
        try (JobsTrap trap = queue.trapJobs()) {
            queue.delayable(() -> ship(List.of("A-1"))).delay();

            trap.assertJobsCount(1);
            trap.assertEnqueued(() -> ship(List.of("A-1")), Map.of("channel", "root"));
            assertThat(trap.jobs())
                    .singleElement()
                    .satisfies(job -> assertThat(job.arguments()).containsExactly(List.of("A-1")));
        }
        assertThat(stored).as("stored while trapped").isEmpty();
    }

    /** A call of {@link Orders#ship} as the job interceptor hands it to the queue's capture. */
    private static void ship(List<String> skus) {
        CallCapture.capture(SHIP, new Object[] {skus});
    }

    /** A call of {@link Orders#upload} as the job interceptor hands it to the queue's capture. */
    private static void upload(InputStream content) {
        CallCapture.capture(UPLOAD, new Object[] {content});
    }

    private static String catchMessage(Runnable call) {
        try {
            call.run();
        } catch (JobArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("The direct call was not refused");
    }

    private static JobFunction function(String name, Class<?> parameter) {
        try {
            Method method = Orders.class.getMethod(name, parameter);
            Bean<?> bean = (Bean<?>) Proxy.newProxyInstance(
                    DefaultJobQueueTest.class.getClassLoader(), new Class<?>[] {Bean.class}, (proxy, called, args) -> {
                        throw new UnsupportedOperationException(called.getName());
                    });
            return new JobFunction(
                    JobFunction.nameOf(method), bean, method, method.getAnnotation(Job.class), RetryPattern.NONE);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The container's names for an anonymous caller; its constructor is the container's, not this package's. */
    private static CallerNames callerNames() {
        try {
            Constructor<CallerNames> constructor = CallerNames.class.getDeclaredConstructor(List.class);
            constructor.setAccessible(true);
            return constructor.newInstance(List.of("anonymous"));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** No argument here is a JPA entity. */
    private static final class NoEntities implements EntityReferences {
        @Override
        public boolean isEntity(Class<?> type) {
            return false;
        }

        @Override
        public Object idOf(Object entity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Class<?> idType(Class<?> entityType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object load(Class<?> entityType, Object id) {
            throw new UnsupportedOperationException();
        }
    }
}
