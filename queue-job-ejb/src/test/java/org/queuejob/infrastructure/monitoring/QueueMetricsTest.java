package org.queuejob.infrastructure.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.server.ServerDirectory;
import org.queuejob.domain.model.server.ServerStatus;
import org.queuejob.infrastructure.config.QueueJobSettings;
import org.queuejob.infrastructure.observability.Meters;
import org.queuejob.infrastructure.persistence.SchemaMigration;

class QueueMetricsTest {

    /** Counts the reads of the job table, as the database would answer them once migrated. */
    static final class CountingProbe extends QueueProbe {
        int reads;

        @Override
        public List<Waiting> waiting() {
            reads++;
            return List.of(new Waiting("root.mail", "pending", 7));
        }
    }

    /** Keeps each gauge by its name and tags. */
    static final class Gauges implements Meters {
        final Map<String, Supplier<Number>> byName = new ConcurrentHashMap<>();

        @Override
        public Count counter(String name, String description, String tag, String value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Distribution histogram(String name, String description) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void gauge(String name, String description, Supplier<Number> value, String... tags) {
            List<String> key = new ArrayList<>(List.of(name));
            key.addAll(List.of(tags));
            byName.put(String.join(" ", key), value);
        }
    }

    private final CountingProbe probe = new CountingProbe();
    private final Gauges gauges = new Gauges();
    private final QueueMetrics metrics = new QueueMetrics();

    QueueMetricsTest() {
        metrics.probe = probe;
        metrics.runtime = new org.queuejob.infrastructure.execution.QueueRuntime();
        metrics.metrics = gauges;
        metrics.clock = Clock.fixed(Instant.parse("2026-12-05T23:00:00Z"), ZoneOffset.UTC);
        metrics.directory = new ServerDirectory() {
            @Override
            public List<ServerStatus> servers() {
                return List.of(
                        QueueMetricsTest.server("a", true, Duration.ofSeconds(2), null),
                        QueueMetricsTest.server("b", true, Duration.ofSeconds(3), Instant.EPOCH),
                        QueueMetricsTest.server("hung", true, Duration.ofMinutes(5), Instant.EPOCH),
                        QueueMetricsTest.server("crashed", false, Duration.ofSeconds(4), null));
            }

            @Override
            public void quiet(String name, String user) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void resume(String name) {
                throw new UnsupportedOperationException();
            }
        };
        metrics.settings = new QueueJobSettings() {
            @Override
            public Duration deadAfter() {
                return Duration.ofSeconds(30);
            }
        };
    }

    private static ServerStatus server(String name, boolean processAlive, Duration sinceHeartbeat, Instant quiet) {
        return new ServerStatus(
                name,
                false,
                Instant.EPOCH,
                sinceHeartbeat,
                processAlive,
                2,
                4,
                1,
                0,
                0,
                quiet,
                quiet == null ? null : "m");
    }

    @Test
    void registeringTheGaugesReadsNoTable_theirFirstCountWaitsForTheSchemasMigration() {
        metrics.register(new Object());

        assertThat(probe.reads)
                .as("reads of queue_job before the schema's migration")
                .isZero();
        assertThat(gauges.byName).doesNotContainKey("queue_job.jobs channel root.mail state pending");

        metrics.countOnceMigrated(new SchemaMigration.Migrated("22"));

        assertThat(probe.reads).isEqualTo(1);
        assertThat(gauges.byName
                        .get("queue_job.jobs channel root.mail state pending")
                        .get())
                .isEqualTo(7L);
    }

    @Test
    void theServersGauges_countEachServerByTheLeadersVerdict_withTheirConditionAsTag() {
        metrics.register(new Object());
        metrics.countOnceMigrated(new SchemaMigration.Migrated("22"));

        assertThat(gauges.byName.get("queue_job.servers condition alive").get()).isEqualTo(2L);
        assertThat(gauges.byName.get("queue_job.servers condition silent").get())
                .isEqualTo(1L);
        assertThat(gauges.byName.get("queue_job.servers condition ended").get()).isEqualTo(1L);
        assertThat(gauges.byName.get("queue_job.servers.quiet").get())
                .as("quiet and alive: b, not the hung server, quiet too but taken for dead")
                .isEqualTo(1L);
    }
}
