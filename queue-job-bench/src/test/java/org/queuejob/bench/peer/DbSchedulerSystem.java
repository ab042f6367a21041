package org.queuejob.bench.peer;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.queuejob.bench.phase.RunLog;
import org.queuejob.dev.DatabaseSettings;

/**
 * db-scheduler at its best for this load: lock-and-fetch polling (one {@code UPDATE ... FOR UPDATE SKIP LOCKED
 * RETURNING} picks a batch), immediate execution (scheduling through the scheduler wakes its poller), one-time tasks
 * scheduled in batches. Its workers are stopped by stopping the scheduler; a new one, not yet started, takes its
 * place, as the burn-down schedules with the scheduler not started.
 */
final class DbSchedulerSystem implements PeerSystem {

    static final String VERSION = "16.12.0";

    /** Its fallback poll, as the queue's (its immediate execution and its refetch when a batch ran need none). */
    static final Duration POLLING_INTERVAL = Duration.ofSeconds(1);

    static final double LOWER_LIMIT_FRACTION = 1.0;
    static final double UPPER_LIMIT_FRACTION = 4.0;

    /**
     * db-scheduler 16.12.0's own PostgreSQL schema ({@code db-scheduler/src/test/resources/postgresql_tables.sql} at
     * that version): its table and its three indexes.
     */
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS scheduled_tasks (
                task_name text NOT NULL, task_instance text NOT NULL, task_data bytea,
                execution_time timestamp with time zone NOT NULL, picked boolean NOT NULL, picked_by text,
                last_success timestamp with time zone, last_failure timestamp with time zone,
                consecutive_failures int, last_heartbeat timestamp with time zone, version bigint NOT NULL,
                priority smallint,
                PRIMARY KEY (task_name, task_instance));
            CREATE INDEX IF NOT EXISTS execution_time_idx ON scheduled_tasks (execution_time);
            CREATE INDEX IF NOT EXISTS last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
            CREATE INDEX IF NOT EXISTS priority_execution_time_idx
                ON scheduled_tasks (priority DESC, execution_time ASC)""";

    private final HikariDataSource dataSource;
    private final int threads;
    private final OneTimeTask<Integer> task;
    private final AtomicLong ids = new AtomicLong();
    private Scheduler scheduler;
    private boolean started;

    DbSchedulerSystem(DatabaseSettings database, int threads, RunLog log) throws Exception {
        this.threads = threads;
        // Its threads, its poller, a producer, the heartbeat: a connection each at most.
        this.dataSource = Pools.hikari(database, threads + 4);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(SCHEMA);
        }
        this.task = Tasks.oneTime("bench-noop", Integer.class).execute((instance, context) -> log.started());
        this.scheduler = newScheduler();
    }

    static String describe(int threads) {
        return String.format(
                Locale.ROOT,
                "db-scheduler %s: lock-and-fetch (%.1f, %.1f), %d threads, polling interval %d s, immediate execution"
                        + " on, its PostgreSQL schema, one-time task with an Integer argument, scheduleBatch (100 or"
                        + " 1,000 per call, one transaction), HikariCP pool of %d connections",
                VERSION,
                LOWER_LIMIT_FRACTION,
                UPPER_LIMIT_FRACTION,
                threads,
                POLLING_INTERVAL.toSeconds(),
                threads + 4);
    }

    private Scheduler newScheduler() {
        return Scheduler.create(dataSource, task)
                .threads(threads)
                .pollUsingLockAndFetch(LOWER_LIMIT_FRACTION, UPPER_LIMIT_FRACTION)
                .pollingInterval(POLLING_INTERVAL)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    @Override
    public void store(int first, int count) {
        Instant now = Instant.now();
        if (count == 1) {
            scheduler.scheduleIfNotExists(instance(first), now);
            return;
        }
        List<TaskInstance<?>> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(instance(first + i));
        }
        scheduler.scheduleBatch(batch, now);
    }

    private TaskInstance<Integer> instance(int index) {
        return task.instance("job-" + ids.incrementAndGet(), index);
    }

    @Override
    public void startWorkers() {
        if (!started) {
            scheduler.start();
            started = true;
        }
    }

    @Override
    public void stopWorkers() {
        if (started) {
            scheduler.stop();
            scheduler = newScheduler();
            started = false;
        }
    }

    @Override
    public void close() {
        if (started) {
            scheduler.stop();
        }
        dataSource.close();
    }
}
