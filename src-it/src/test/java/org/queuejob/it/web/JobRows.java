package org.queuejob.it.web;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.queuejob.dev.DatabaseSettings;
import org.queuejob.infrastructure.cluster.ClusterStatements;
import org.queuejob.it.support.HeldLock;
import org.queuejob.it.support.ItEnvironment;

/**
 * Jobs for the browser tests, stored straight into the database of the deployed demo EAR, built with {@link
 * #aJob(String)} and friends. Their job function is recorded, as if another deployment had registered it, but no
 * server has it, so no dispatcher ever claims them: a pending fixture stays pending (a job of a function no deployment
 * ever registered would be failed). Each test gives its jobs a channel of its own, so sample traffic and other tests
 * never mix with what it counts.
 *
 * <p>Ids come from a range far above the sequence's, so they never collide with jobs the queue stores.
 */
final class JobRows {

    static final String FIXTURE_FUNCTION = "org.queuejob.it.web.Fixture.job";

    private static final AtomicLong IDS =
            new AtomicLong(4_000_000_000_000L + System.currentTimeMillis() % 1_000_000 * 1_000_000);

    private static final String INSERT = """
            INSERT INTO queue_job (id, uuid, graph_uuid, user_name, description, job_function, arguments, state,
                                   priority, eta, retry, max_retries, channel, date_created, date_started,
                                   date_done, date_cancelled, exec_time_ms, result, exc_name, exc_message, exc_info,
                                   worker)
            VALUES (?, ?::uuid, ?::uuid, 'fixture', ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final AtomicBoolean REGISTERED = new AtomicBoolean();

    private JobRows() {}

    /** Records the fixtures' function once, as another deployment would have: its pending jobs wait, not fail. */
    static void registerFixtureFunction() {
        if (REGISTERED.compareAndSet(false, true)) {
            registerFunctions(FIXTURE_FUNCTION);
        }
    }

    /** Records job functions as a deployment registers them (existing records are left as they are). */
    static void registerFunctions(String... names) {
        for (String name : names) {
            execute(
                    "INSERT INTO queue_job_function (name, default_channel, registered_at) VALUES (?, 'root', now())"
                            + " ON CONFLICT (name) DO NOTHING",
                    name);
        }
    }

    /**
     * A job shown as running for {@code ago} on no server. The leader counts such a row in its channel's slots, root's
     * included, so a test deletes it when done ({@link #delete}).
     */
    static Stored aJobStartedAgo(String channel, Duration ago) {
        return aJob(channel).state("started").startedAgo(ago).store();
    }

    /** Deletes fixture jobs, such as started rows no server holds, which would take channel slots from later tests. */
    static void delete(Stored... jobs) {
        for (Stored job : jobs) {
            execute("DELETE FROM queue_job WHERE id = ?", job.id());
        }
    }

    /** A channel no other test uses. */
    static String uniqueChannel(String purpose) {
        return "root.it-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Builder aJob(String channel) {
        return new Builder(channel);
    }

    static Builder aFailedJob(String channel, String excName, String message) {
        return new Builder(channel)
                .createdAgo(Duration.ofMinutes(2))
                .state("failed")
                .retry(2)
                .started(Instant.now().minusSeconds(30), 1500)
                .exception(
                        excName, message, excName + ": " + message + "\n\tat org.example.Fixture.run(Fixture.java:42)");
    }

    static Builder aDoneJob(String channel, long execMillis) {
        return new Builder(channel)
                .createdAgo(Duration.ofMinutes(2))
                .state("done")
                .retry(1)
                .started(Instant.now().minusSeconds(60), execMillis)
                .done();
    }

    /** Stores {@code count} jobs like this one in one statement: failed ones by default, for bulk tests. */
    static void insertMany(int count, String channel, String state) {
        registerFixtureFunction();
        execute("""
                INSERT INTO queue_job (id, uuid, description, job_function, arguments, state, priority, retry,
                                       max_retries, channel, date_created, user_name, exc_name, exc_message)
                SELECT ? + n, gen_random_uuid(), 'Bulk fixture ' || n, ?, '[]', ?, 10, 1, 5, ?,
                       now() - n * interval '1 millisecond', 'fixture',
                       CASE WHEN ? = 'failed' THEN 'java.lang.IllegalStateException' END,
                       CASE WHEN ? = 'failed' THEN 'Fixture failure ' || n END
                  FROM generate_series(1, ?) AS n""", IDS.getAndAdd(count + 1L), FIXTURE_FUNCTION, state, channel, state, state, count);
    }

    /**
     * Stores {@code count} done jobs created, started and done {@code ago} in one statement: work enough for an
     * autovacuum run to last a while (thousands of chunks' worth at its pace), for the tests that stop one.
     */
    static void insertManyDoneAgo(int count, String channel, Duration ago) {
        registerFixtureFunction();
        execute(
                """
                INSERT INTO queue_job (id, uuid, description, job_function, arguments, state, priority, retry,
                                       max_retries, channel, date_created, date_started, date_done, exec_time_ms,
                                       result, user_name)
                SELECT ? + n, gen_random_uuid(), 'Old fixture ' || n, ?, '[]', 'done', 10, 1, 5, ?,
                       ?::timestamptz - n * interval '1 millisecond', ?, ?, 20, 'fixture result', 'fixture'
                  FROM generate_series(1, ?) AS n""",
                IDS.getAndAdd(count + 1L),
                FIXTURE_FUNCTION,
                channel,
                Timestamp.from(Instant.now().minus(ago)),
                Timestamp.from(Instant.now().minus(ago)),
                Timestamp.from(Instant.now().minus(ago)),
                count);
    }

    /**
     * A chain of {@code length} jobs of one graph (step 1 pending, the others waiting for the step before), stored with
     * two statements; returns the uuid of each step, in order.
     */
    static List<UUID> insertChain(int length, String channel) {
        long base = IDS.getAndAdd(length + 1L);
        String graph = UUID.randomUUID().toString();
        execute("""
                INSERT INTO queue_job (id, uuid, graph_uuid, description, job_function, arguments, state, priority,
                                       retry, max_retries, channel, date_created, user_name)
                SELECT ? + n, gen_random_uuid(), ?::uuid, 'Chain step ' || n, ?, '[]',
                       CASE WHEN n = 1 THEN 'pending' ELSE 'wait_dependencies' END, 10, 0, 5, ?,
                       now() - (? - n) * interval '1 millisecond', 'fixture'
                  FROM generate_series(1, ?) AS n""", base, graph, FIXTURE_FUNCTION, channel, length, length);
        execute("""
                INSERT INTO queue_job_dependency (parent_id, child_id)
                SELECT ? + n, ? + n + 1 FROM generate_series(1, ?) AS n""", base, base, length - 1);
        List<UUID> steps = new ArrayList<>();
        for (String uuid :
                queryStrings("SELECT uuid::text FROM queue_job WHERE graph_uuid = ?::uuid ORDER BY id", graph)) {
            steps.add(UUID.fromString(uuid));
        }
        return steps;
    }

    static List<String> queryStrings(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** {@code child} waits for {@code parent}. */
    static void dependency(Stored parent, Stored child) {
        execute("INSERT INTO queue_job_dependency (parent_id, child_id) VALUES (?, ?)", parent.id(), child.id());
    }

    static String state(UUID uuid) {
        return queryString("SELECT state FROM queue_job WHERE uuid = ?::uuid", uuid.toString());
    }

    static long count(String sql, Object... parameters) {
        return Long.parseLong(queryString(sql, parameters));
    }

    static String queryString(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet row = statement.executeQuery()) {
            return row.next() ? Objects.toString(row.getObject(1), null) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static void execute(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Locks the job at {@code offset} (0 first) of {@code channel}, in id order, until closed. */
    static HeldLock lockJob(String channel, int offset) {
        try {
            return HeldLock.take(
                    connect(),
                    "SELECT id FROM queue_job WHERE id = (SELECT id FROM queue_job"
                            + " WHERE channel = ? ORDER BY id OFFSET ? LIMIT 1) FOR UPDATE",
                    channel,
                    offset);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stores the record a server leaves when it stopped beating 15 minutes ago without leaving, its liveness lock
     * under {@code sessionKey}: with {@link #livenessLock} held on it, a server that hangs; without, one whose process
     * is gone. Its heartbeat is past every dead-after the tests set (600 s at most), so the leader counts it in nothing.
     */
    static void aServerSilentForFifteenMinutes(String name, int sessionKey) {
        execute(
                "INSERT INTO queue_job_instance (name, started_at, heartbeat_at, workers, held_limit, functions,"
                        + " session_key) VALUES (?, now() - interval '1 hour', now() - interval '15 minutes', 3, 6,"
                        + " '{a,b}', ?)",
                name,
                sessionKey);
    }

    /**
     * Another server, alive until closed: it beats now and holds its liveness lock, and can run no job function, so
     * the leader hands it nothing and rescues nothing of it. A fixture that runs on a server names this one: a started
     * row stored under the demo's own server, which does not hold it, is a run whose end could not be recorded, and
     * that server takes it back and runs it (here: fails it, its function being no deployment's).
     */
    static LiveServer aLiveServer(String prefix) {
        String name = prefix + "-" + UUID.randomUUID() + "@host/domain";
        int key = 2_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
        execute(
                "INSERT INTO queue_job_instance (name, started_at, heartbeat_at, workers, held_limit, functions,"
                        + " session_key) VALUES (?, now() - interval '1 hour', now(), 1, 2, '{}', ?)",
                name,
                key);
        return new LiveServer(name, livenessLock(key));
    }

    /** A server {@link #aLiveServer} made: {@link #close()} ends its process and forgets it. */
    record LiveServer(String name, HeldLock process) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
            execute("DELETE FROM queue_job_instance WHERE name = ?", name);
        }
    }

    /** Holds the liveness lock of {@code sessionKey}, as a server's process does while it lives, until closed. */
    static HeldLock livenessLock(int sessionKey) {
        try {
            return HeldLock.take(
                    connect(), "SELECT pg_advisory_xact_lock(?, ?)", ClusterStatements.LIVENESS_LOCKS, sessionKey);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        DatabaseSettings db = ItEnvironment.database();
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    /** A stored fixture job. */
    record Stored(long id, UUID uuid) {}

    static final class Builder {
        private final String channel;
        private UUID graph;
        private String description = "Fixture job";
        private String arguments = "[\"a\", {\"customer\": 42, \"lines\": [1, 2]}]";
        private String state = "pending";
        private int priority = 10;
        private Instant eta;
        private int retry;
        private int maxRetries = 5;
        private Instant created = Instant.now();
        private Instant started;
        private Instant done;
        private Instant cancelled;
        private Long execMillis;
        private String result;
        private String excName;
        private String excMessage;
        private String excInfo;
        private String worker;

        private Builder(String channel) {
            this.channel = channel;
        }

        Builder description(String value) {
            this.description = value;
            return this;
        }

        Builder state(String value) {
            this.state = value;
            if (value.equals("cancelled")) {
                this.cancelled = Instant.now();
                this.result = "Cancelled by fixture";
            }
            return this;
        }

        Builder graph(UUID value) {
            this.graph = value;
            return this;
        }

        Builder retry(int value) {
            this.retry = value;
            return this;
        }

        Builder createdAgo(Duration ago) {
            this.created = Instant.now().minus(ago);
            return this;
        }

        Builder started(Instant at, long millis) {
            this.started = at;
            this.execMillis = millis;
            return this;
        }

        /** Started that long ago and still running: no run time yet. */
        Builder startedAgo(Duration ago) {
            this.started = Instant.now().minus(ago);
            this.execMillis = null;
            return this;
        }

        Builder done() {
            this.done = started == null ? Instant.now() : started.plusMillis(execMillis);
            this.result = "fixture result";
            return this;
        }

        /** Held by this server (a name from {@code queue_job_instance}), as a job a worker runs. */
        Builder worker(String value) {
            this.worker = value;
            return this;
        }

        Builder exception(String name, String message, String info) {
            this.excName = name;
            this.excMessage = message;
            this.excInfo = info;
            return this;
        }

        Stored store() {
            registerFixtureFunction();
            long id = IDS.incrementAndGet();
            UUID uuid = UUID.randomUUID();
            execute(
                    INSERT,
                    id,
                    uuid.toString(),
                    graph == null ? null : graph.toString(),
                    description,
                    FIXTURE_FUNCTION,
                    arguments,
                    state,
                    priority,
                    timestamp(eta),
                    retry,
                    maxRetries,
                    channel,
                    timestamp(created),
                    timestamp(started),
                    timestamp(done),
                    timestamp(cancelled),
                    execMillis,
                    result,
                    excName,
                    excMessage,
                    excInfo,
                    worker);
            return new Stored(id, uuid);
        }

        List<Stored> store(int count) {
            List<Stored> stored = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                stored.add(store());
            }
            return stored;
        }

        private static Timestamp timestamp(Instant instant) {
            return instant == null ? null : Timestamp.from(instant);
        }
    }
}
