package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.queuejob.infrastructure.execution.Interruptions.Reason;
import org.queuejob.infrastructure.observability.Meters;

class InterruptionsTest {

    /** The registry as exported: one count per name and tag. */
    private final Map<String, AtomicLong> exported = new LinkedHashMap<>();

    private final Interruptions interruptions = new Interruptions();

    {
        interruptions.meters = new Meters() {
            @Override
            public Count counter(String name, String description, String tag, String value) {
                AtomicLong count =
                        exported.computeIfAbsent(name + "{" + tag + "=" + value + "}", k -> new AtomicLong());
                return new Count() {
                    @Override
                    public void inc() {
                        count.incrementAndGet();
                    }

                    @Override
                    public long count() {
                        return count.get();
                    }
                };
            }

            @Override
            public Distribution histogram(String name, String description) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void gauge(String name, String description, Supplier<Number> value, String... tags) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void everyReasonIsExportedAtZeroOnceTheQueueStarts_beforeAnyRunIsInterrupted() {
        interruptions.register();
        interruptions.register();

        assertThat(exported)
                .containsOnlyKeys(
                        "queue_job.interrupted{reason=timeout}",
                        "queue_job.interrupted{reason=taken_away}",
                        "queue_job.interrupted{reason=shutdown}");
        assertThat(exported.values()).allMatch(count -> count.get() == 0);
    }

    @Test
    void eachInterruptCountsUnderItsOwnReasonOnly() {
        interruptions.register();

        interruptions.interrupted(Reason.TAKEN_AWAY);
        interruptions.interrupted(Reason.TAKEN_AWAY);
        interruptions.interrupted(Reason.TIMEOUT);

        assertThat(interruptions.count(Reason.TAKEN_AWAY)).isEqualTo(2);
        assertThat(interruptions.count(Reason.TIMEOUT)).isEqualTo(1);
        assertThat(exported.get("queue_job.interrupted{reason=taken_away}")).hasValue(2);
    }
}
