package org.queuejob.infrastructure.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.queuejob.domain.model.server.ServerDirectory;
import org.queuejob.domain.model.server.ServerStatus;
import org.queuejob.domain.model.server.ServerStatus.Condition;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.config.QueueJobSettings;
import org.queuejob.infrastructure.execution.QueueRuntime;
import org.queuejob.infrastructure.observability.Meters;
import org.queuejob.infrastructure.persistence.SchemaMigration;

/**
 * The queue's gauges, read when the metrics endpoint is scraped: jobs that have not ended per channel and state (one
 * {@code GROUP BY} on the database, cached {@value #CACHE_SECONDS} s whatever the number of gauges or scrapers),
 * whether this server leads, its workers busy and in all, jobs waiting here for a worker, dispatch passes and jobs
 * rescued from dead servers since start (monotonic, exported as gauges fed by in-memory counters), and the servers
 * sharing the database by the leader's verdict on them (read with the counts, so cached alike).
 */
@ApplicationScoped
public class QueueMetrics {

    public static final String JOBS = "queue_job.jobs";
    public static final String SERVERS = "queue_job.servers";
    public static final String QUIET_SERVERS = "queue_job.servers.quiet";
    static final long CACHE_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(QueueMetrics.class.getName());

    @Inject
    Meters metrics;

    @Inject
    QueueRuntime runtime;

    @Inject
    QueueProbe probe;

    @Inject
    ServerDirectory directory;

    @Inject
    QueueJobSettings settings;

    @Inject
    @QueueJobClock
    Clock clock;

    private volatile Map<String, Long> waiting = Map.of();
    private volatile Map<Condition, Long> servers = Map.of();
    private volatile long quietServers;
    private volatile Instant readAt = Instant.EPOCH;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final Object refreshLock = new Object();

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Reading the leader flag also refreshes the per-channel counts when stale, so that a channel and state seen
        // for the first time get their gauge from the next scrape on, whether or not others of the family exist yet
        // (the first count waits for the schema's migration: see countOnceMigrated).
        gauge("queue_job.leader", "1 when this server dispatches for the cluster, else 0", () -> {
            refreshWhenStale();
            return runtime.isLeader() ? 1 : 0;
        });
        gauge(
                "queue_job.jobs.unended",
                "Jobs that have not ended, all channels and states (cached " + CACHE_SECONDS + " s)",
                this::notEnded);
        gauge("queue_job.workers.busy", "Jobs running on this server now", runtime::workersBusy);
        gauge(
                "queue_job.workers.overdue",
                "Jobs running on this server past their timeout now: each is logged once with where its thread is",
                runtime::jobsOverdue);
        gauge(
                "queue_job.workers.taken_away",
                "Jobs running on this server that were cancelled, set done or requeued while they ran: each holds a"
                        + " worker until it returns, and its work is then rolled back",
                runtime::runsTakenAway);
        gauge("queue_job.workers.total", "Workers of this server (jobs it runs at once)", runtime::workersTotal);
        gauge(
                "queue_job.workers.waiting",
                "Jobs handed to this server that wait for a free worker",
                runtime::jobsBuffered);
        gauge(
                "queue_job.dispatch.passes",
                "Dispatch passes this server ran as leader since it started (monotonic)",
                runtime::dispatchPasses);
        gauge(
                "queue_job.dispatch.reads",
                "Reads of a channel's next jobs this server ran as leader since it started, one statement each"
                        + " (monotonic)",
                runtime::channelReads);
        gauge(
                "queue_job.slots.passed",
                "Jobs this server started in a channel slot it passed on itself, without the leader, since it started"
                        + " (monotonic)",
                runtime::slotsPassed);
        gauge(
                "queue_job.rescued",
                "Jobs of dead servers this server sent back to pending since it started" + " (monotonic)",
                runtime::rescuedJobs);
        for (Condition condition : Condition.values()) {
            gauge(
                    SERVERS,
                    "Servers sharing the queue's database, by the leader's verdict: alive; ended (its process or"
                            + " database session gone) or silent (no heartbeat for over dead-after), kept a day"
                            + " unless it left (cached " + CACHE_SECONDS + " s)",
                    () -> servers(condition),
                    "condition",
                    condition.word());
        }
        gauge(
                QUIET_SERVERS,
                "Servers alive but quiet, made so from the back office or the API: they take no new jobs (cached "
                        + CACHE_SECONDS + " s)",
                this::quietServers);
    }

    /** The alive servers that are quiet, as of the last read (at most {@value #CACHE_SECONDS} s old). */
    long quietServers() {
        refreshWhenStale();
        return quietServers;
    }

    /** The servers in {@code condition}, as of the last read (at most {@value #CACHE_SECONDS} s old). */
    long servers(Condition condition) {
        refreshWhenStale();
        return servers.getOrDefault(condition, 0L);
    }

    /**
     * The first count, so that the gauges of each channel and state exist from the first scrape on. Not at
     * registration: that comes before the schema's migration, and on a first deployment the count met no table
     * (PostgreSQL logged "relation queue_job does not exist" in the demo's first start).
     */
    void countOnceMigrated(@Observes SchemaMigration.Migrated migrated) {
        refresh();
    }

    private void gauge(String name, String description, Supplier<Number> value, String... tags) {
        try {
            metrics.gauge(name, description, value, tags);
        } catch (RuntimeException e) {
            // Registered already (the event came twice): the first registration serves.
            LOG.log(Level.WARNING, "Gauge " + name + " not registered: " + e.getMessage(), e);
        }
    }

    private long notEnded() {
        refreshWhenStale();
        return waiting.values().stream().mapToLong(Long::longValue).sum();
    }

    private void refreshWhenStale() {
        if (Duration.between(readAt, clock.instant()).toSeconds() >= CACHE_SECONDS) {
            refresh();
        }
    }

    /** The count of one channel and state, as of the last read (at most {@value #CACHE_SECONDS} s old). */
    long waiting(String channel, String state) {
        refreshWhenStale();
        return waiting.getOrDefault(key(channel, state), 0L);
    }

    private void refresh() {
        synchronized (refreshLock) {
            if (Duration.between(readAt, clock.instant()).toSeconds() < CACHE_SECONDS) {
                return;
            }
            try {
                Map<String, Long> counts = new ConcurrentHashMap<>();
                for (QueueProbe.Waiting row : probe.waiting()) {
                    counts.put(key(row.channel(), row.state()), row.count());
                    if (registered.add(key(row.channel(), row.state()))) {
                        String channel = row.channel();
                        String state = row.state();
                        metrics.gauge(
                                JOBS,
                                "Jobs that have not ended, per channel and state (cached " + CACHE_SECONDS + " s)",
                                () -> waiting(channel, state),
                                "channel",
                                channel,
                                "state",
                                state);
                    }
                }
                waiting = counts;
                Duration deadAfter = settings.deadAfter();
                List<ServerStatus> all = directory.servers();
                servers = all.stream()
                        .collect(Collectors.groupingBy(server -> server.condition(deadAfter), Collectors.counting()));
                quietServers = all.stream()
                        .filter(server -> server.quiet() && server.condition(deadAfter) == Condition.ALIVE)
                        .count();
            } catch (SQLException | RuntimeException e) {
                // Keep the last counts; health tells whether the database is away.
                LOG.log(Level.FINE, "Could not count waiting jobs for the metrics", e);
                LOG.info(() -> "Waiting-job gauges not refreshed: " + e.getMessage());
            }
            readAt = clock.instant();
        }
    }

    private static String key(String channel, String state) {
        return channel + '\u0000' + state;
    }
}
