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
    public static final String POLL_INTERVAL_MS = "queue-job.poll-interval-ms";
    public static final String CLAIM_BATCH_SIZE = "queue-job.claim-batch-size";
    public static final String WORKERS = "queue-job.workers";
    public static final String PREFETCH = "queue-job.prefetch";
    public static final String HEARTBEAT_SECONDS = "queue-job.heartbeat-seconds";
    public static final String DEAD_AFTER_SECONDS = "queue-job.dead-after-seconds";
    public static final String SLOT_LEASE_MS = "queue-job.slot-lease-ms";
    public static final String MAX_ARGUMENTS_BYTES = "queue-job.max-arguments-bytes";
    public static final String SHUTDOWN_TIMEOUT_SECONDS = "queue-job.shutdown-timeout-seconds";
    public static final String DISPATCH_ENABLED = "queue-job.dispatch-enabled";

    /** Threads of the workers' managed executor: the most jobs one server can run at once. */
    public static final int MAX_WORKERS = 64;

    public static final String DEFAULT_POLL_INTERVAL_MS = "1000";
    public static final String DEFAULT_CLAIM_BATCH_SIZE = "100";
    public static final String DEFAULT_HEARTBEAT_SECONDS = "5";
    public static final String DEFAULT_DEAD_AFTER_SECONDS = "30";
    public static final String DEFAULT_SLOT_LEASE_MS = "1000";
    public static final String DEFAULT_MAX_ARGUMENTS_BYTES = "1000000";
    public static final String DEFAULT_SHUTDOWN_TIMEOUT_SECONDS = "30";
    public static final String DEFAULT_DISPATCH_ENABLED = "true";

    /** Channel capacities, in the original's grammar. */
    @Inject
    @ConfigProperty(name = CHANNELS, defaultValue = ChannelConfig.DEFAULT)
    String channels;

    /** Fallback look at the table when no wake-up came (other writers, missed signals). */
    @Inject
    @ConfigProperty(name = POLL_INTERVAL_MS, defaultValue = DEFAULT_POLL_INTERVAL_MS)
    long pollIntervalMillis;

    /** Most jobs one claim statement takes. */
    @Inject
    @ConfigProperty(name = CLAIM_BATCH_SIZE, defaultValue = DEFAULT_CLAIM_BATCH_SIZE)
    int claimBatchSize;

    /**
     * Jobs this server runs at once, 1 to {@code QueueRuntime.MAX_WORKERS} ({@link QueueJobSettingsCheck} refuses
     * others); empty means the root channel's capacity, at most that many.
     */
    @Inject
    @ConfigProperty(name = WORKERS)
    Optional<Integer> workers;

    /**
     * Jobs a server may hold beyond those running, ready for the next free worker; empty means as many as it has
     * workers. They count against channel capacities like running jobs (the original's "enqueued").
     */
    @Inject
    @ConfigProperty(name = PREFETCH)
    Optional<Integer> prefetch;

    /** How often each server records that it is alive. */
    @Inject
    @ConfigProperty(name = HEARTBEAT_SECONDS, defaultValue = DEFAULT_HEARTBEAT_SECONDS)
    int heartbeatSeconds;

    /** A server silent for this long is dead: the leader rescues its jobs. */
    @Inject
    @ConfigProperty(name = DEAD_AFTER_SECONDS, defaultValue = DEFAULT_DEAD_AFTER_SECONDS)
    int deadAfterSeconds;

    /**
     * How long a server that does not lead may pass a channel slot the leader handed it on to the next job of the
     * same channel itself, in the done mark of the job that held it, without a message to the leader and back; 0
     * gives every slot back to the leader.
     */
    @Inject
    @ConfigProperty(name = SLOT_LEASE_MS, defaultValue = DEFAULT_SLOT_LEASE_MS)
    long slotLeaseMillis;

    /** Largest JSON text of one job's arguments; larger calls fail at enqueue. */
    @Inject
    @ConfigProperty(name = MAX_ARGUMENTS_BYTES, defaultValue = DEFAULT_MAX_ARGUMENTS_BYTES)
    int maxArgumentsBytes;

    /** How long an undeploy waits for running jobs before leaving them to recovery. */
    @Inject
    @ConfigProperty(name = SHUTDOWN_TIMEOUT_SECONDS, defaultValue = DEFAULT_SHUTDOWN_TIMEOUT_SECONDS)
    long shutdownTimeoutSeconds;

    /**
     * Off on instances that only enqueue. Read as text and parsed strictly ({@link QueueJobSettingsCheck#bool}): the
     * container's Boolean converter would read {@code ture} as false, and the server would silently run no jobs.
     */
    @Inject
    @ConfigProperty(name = DISPATCH_ENABLED, defaultValue = DEFAULT_DISPATCH_ENABLED)
    String dispatchEnabled;

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

    /** Whether this server runs jobs; a value other than true or false never gets here (the check refuses it). */
    public boolean dispatchEnabled() {
        return QueueJobSettingsCheck.bool(DISPATCH_ENABLED, dispatchEnabled);
    }

    /** The autovacuum's schedule and pace; checked at deployment by {@link AutovacuumConfigCheck}. */
    public AutovacuumConfig autovacuum() {
        return AutovacuumConfig.parse(
                autovacuumEnabled, autovacuumTime, autovacuumChunkSize, autovacuumMaxDuty, autovacuumBusyDuty);
    }
}
