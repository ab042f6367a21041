package org.queuejob.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.queuejob.domain.scheduling.ChannelConfig;

/**
 * The queue's settings, from MicroProfile Config: system properties, environment variables ({@code
 * QUEUE_JOB_CHANNELS} for {@code queue-job.channels}, and so on) or {@code microprofile-config.properties}.
 */
@ApplicationScoped
public class QueueJobSettings {

    public static final String CHANNELS = "queue-job.channels";

    /** Channel capacities, in the original's grammar. */
    @Inject
    @ConfigProperty(name = CHANNELS, defaultValue = ChannelConfig.DEFAULT)
    String channels;

    /** Fallback look at the table when no wake-up came (other writers, missed signals). */
    @Inject
    @ConfigProperty(name = "queue-job.poll-interval-ms", defaultValue = "1000")
    long pollIntervalMillis;

    /** Most jobs one claim statement takes. */
    @Inject
    @ConfigProperty(name = "queue-job.claim-batch-size", defaultValue = "100")
    int claimBatchSize;

    /** Jobs this server runs at once; empty means the root channel's capacity. */
    @Inject
    @ConfigProperty(name = "queue-job.workers")
    Optional<Integer> workers;

    /**
     * Jobs a server may hold beyond those running, ready for the next free worker; empty means as many as it has
     * workers. They count against channel capacities like running jobs (the original's "enqueued").
     */
    @Inject
    @ConfigProperty(name = "queue-job.prefetch")
    Optional<Integer> prefetch;

    /** How often each server records that it is alive. */
    @Inject
    @ConfigProperty(name = "queue-job.heartbeat-seconds", defaultValue = "5")
    int heartbeatSeconds;

    /** A server silent for this long is dead: the leader rescues its jobs. */
    @Inject
    @ConfigProperty(name = "queue-job.dead-after-seconds", defaultValue = "30")
    int deadAfterSeconds;

    /**
     * How long a server that does not lead may pass a channel slot the leader handed it on to the next job of the
     * same channel itself, in the done mark of the job that held it, without a message to the leader and back; 0
     * gives every slot back to the leader.
     */
    @Inject
    @ConfigProperty(name = "queue-job.slot-lease-ms", defaultValue = "1000")
    long slotLeaseMillis;

    /** Largest JSON text of one job's arguments; larger calls fail at enqueue. */
    @Inject
    @ConfigProperty(name = "queue-job.max-arguments-bytes", defaultValue = "1000000")
    int maxArgumentsBytes;

    /** How long an undeploy waits for running jobs before leaving them to recovery. */
    @Inject
    @ConfigProperty(name = "queue-job.shutdown-timeout-seconds", defaultValue = "30")
    long shutdownTimeoutSeconds;

    /** Off on instances that only enqueue. */
    @Inject
    @ConfigProperty(name = "queue-job.dispatch-enabled", defaultValue = "true")
    boolean dispatchEnabled;

    /** Whether the daily autovacuum runs (a run can always be started by hand). */
    @Inject
    @ConfigProperty(name = AutovacuumConfig.ENABLED, defaultValue = AutovacuumConfig.DEFAULT_ENABLED)
    String autovacuumEnabled;

    /** When the daily autovacuum starts, HH:mm in the server's time zone. */
    @Inject
    @ConfigProperty(name = AutovacuumConfig.TIME, defaultValue = AutovacuumConfig.DEFAULT_TIME)
    String autovacuumTime;

    /** Jobs the autovacuum deletes per transaction. */
    @Inject
    @ConfigProperty(name = AutovacuumConfig.CHUNK_SIZE, defaultValue = AutovacuumConfig.DEFAULT_CHUNK_SIZE)
    String autovacuumChunkSize;

    /** The most of the wall time the autovacuum spends working; it pauses the rest. */
    @Inject
    @ConfigProperty(name = AutovacuumConfig.MAX_DUTY, defaultValue = AutovacuumConfig.DEFAULT_MAX_DUTY)
    String autovacuumMaxDuty;

    /** The least of the wall time the autovacuum spends working, when all of this server's workers are busy. */
    @Inject
    @ConfigProperty(name = AutovacuumConfig.BUSY_DUTY, defaultValue = AutovacuumConfig.DEFAULT_BUSY_DUTY)
    String autovacuumBusyDuty;

    public String channels() {
        return channels;
    }

    public Duration pollInterval() {
        return Duration.ofMillis(pollIntervalMillis);
    }

    public int claimBatchSize() {
        return claimBatchSize;
    }

    public Optional<Integer> workers() {
        return workers;
    }

    public Optional<Integer> prefetch() {
        return prefetch;
    }

    public Duration heartbeat() {
        return Duration.ofSeconds(heartbeatSeconds);
    }

    public Duration deadAfter() {
        return Duration.ofSeconds(deadAfterSeconds);
    }

    public Duration slotLease() {
        return Duration.ofMillis(Math.max(0, slotLeaseMillis));
    }

    public int maxArgumentsBytes() {
        return maxArgumentsBytes;
    }

    public Duration shutdownTimeout() {
        return Duration.ofSeconds(shutdownTimeoutSeconds);
    }

    public boolean dispatchEnabled() {
        return dispatchEnabled;
    }

    /** The autovacuum's schedule and pace; checked at deployment by {@link AutovacuumConfigCheck}. */
    public AutovacuumConfig autovacuum() {
        return AutovacuumConfig.parse(
                autovacuumEnabled, autovacuumTime, autovacuumChunkSize, autovacuumMaxDuty, autovacuumBusyDuty);
    }
}
