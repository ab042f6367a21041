package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.queuejob.dev.DatabaseSettings;
import org.queuejob.dev.PayaraDomain;
import org.queuejob.it.cluster.ClusterJobs;
import org.queuejob.it.support.ItEnvironment;
import org.queuejob.it.support.TestDeployments;

/**
 * Two Payara servers on one PostgreSQL database run 20,000 jobs over three channels as one queue: every job runs
 * exactly once (counted by executions committed, not by states), no channel ever holds more jobs than its capacity,
 * and the same holds when a server, or the leader, is killed with {@code kill -9} mid-run.
 *
 * <p>Each scenario prints its figures (throughput, takeover and rescue times) and appends them to {@code
 * target/cluster-report.txt}.
 */
class ClusterIT {

    private static final int JOBS = 20_000;
    private static final String DATABASE = "cluster_it";
    private static final Map<String, Integer> CAPACITY =
            Map.of("root", 12, "root.alpha", 6, "root.beta", 4, "root.gamma", 4);
    private static final String CONFIG = """
            queue-job.channels=root:12,root.alpha:6,root.beta:4,root.gamma:4
            queue-job.workers=6
            queue-job.heartbeat-seconds=2
            queue-job.dead-after-seconds=10
            queue-job.shutdown-timeout-seconds=5
            """;
    private static final String ENQUEUE = """
            INSERT INTO queue_job (id, uuid, description, job_function, arguments, state, priority, max_retries,
                                   channel, date_created)
            SELECT nextval('queue_job_seq'), gen_random_uuid(), 'cluster ' || n, '%s', jsonb_build_array(n),
                   'pending', 10, 5, (ARRAY['root.alpha', 'root.beta', 'root.gamma'])[1 + n %% 3], now()
              FROM generate_series(1, %d) AS n""";
    private static final Path REPORT = Path.of("target", "cluster-report.txt");

    private static DatabaseSettings database;
    private static List<PayaraDomain> servers;

    @BeforeAll
    static void startTwoServers() throws Exception {
        DatabaseSettings shared = ItEnvironment.database();
        try (Connection admin = connect(shared);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        database = new DatabaseSettings(shared.host(), shared.port(), DATABASE, shared.user(), shared.password());
        Path war = exportClusterWar();
        Path home = ItEnvironment.domain().home();
        servers = List.of(PayaraDomain.withPortBase(home, 10000), PayaraDomain.withPortBase(home, 10100));
        for (PayaraDomain server : servers) {
            server.start();
            server.createDataSource(database, 16);
        }
        servers.get(0).deploy(war, "cluster-it");
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE cluster_execution (n bigint NOT NULL, server text NOT NULL)");
        }
        servers.get(1).deploy(war, "cluster-it");
    }

    /** A scenario that killed a server leaves both running again for the next. */
    @AfterEach
    void bothServersRunning() {
        for (PayaraDomain server : servers) {
            if (!server.isRunning()) {
                server.start();
                server.awaitHttp("/cluster-it/", Duration.ofMinutes(2));
            }
        }
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.parallelStream().forEach(PayaraDomain::stop);
        }
    }

    @Test
    void twoServersRunEveryJobOnceWithinTheChannelsCapacities() throws Exception {
        Run run = runJobs(null);

        run.assertExactlyOnceWithinCapacities();
        assertThat(run.byServer).hasSize(2);
        report("two servers, no failure", run, "");
    }

    @Test
    void oneServerLeftAloneRunsEverythingAfterTheOtherLeavesGracefully() throws Exception {
        servers.get(1).stop();

        Run run = runJobs(null);

        run.assertExactlyOnceWithinCapacities();
        assertThat(run.byServer).hasSize(1);
        report("one server (the other stopped gracefully)", run, "");
    }

    @Test
    void killingAWorkerMidRunLosesNoJobAndRunsNoneTwice() throws Exception {
        Run run = runJobs(connection -> {
            PayaraDomain victim = server(holder(connection), false);
            String name = workerName(victim);
            long killedAt = System.nanoTime();
            victim.kill();
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> count(
                                    connection,
                                    "SELECT count(*) FROM queue_job WHERE state IN ('enqueued', 'started') AND worker = '"
                                            + name + "'")
                            == 0);
            return "rescue of the killed server's jobs after " + millisSince(killedAt) + " ms";
        });

        run.assertExactlyOnceWithinCapacities();
        report("worker killed mid-run", run, run.event);
    }

    @Test
    void killingTheLeaderMidRunHandsDispatchToTheOtherServer() throws Exception {
        Run run = runJobs(connection -> {
            String leaderName = holder(connection);
            PayaraDomain leader = server(leaderName, true);
            long epoch = count(connection, "SELECT epoch FROM queue_job_leader");
            long killedAt = System.nanoTime();
            leader.kill();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> count(connection, "SELECT epoch FROM queue_job_leader") > epoch);
            return "takeover by the other server after " + millisSince(killedAt) + " ms";
        });

        run.assertExactlyOnceWithinCapacities();
        report("leader killed mid-run", run, run.event);
    }

    // ------------------------------------------------------------------ one run

    /** What to do once a quarter of the jobs are done; returns a line for the report. */
    interface MidRun {
        String act(Connection connection) throws Exception;
    }

    private static final class Run {
        final Map<String, Integer> mostOccupying = new ConcurrentHashMap<>();
        final Map<String, Long> byServer = new ConcurrentHashMap<>();
        long executions;
        long distinctJobs;
        long done;
        double jobsPerSecond;
        String event = "";

        void assertExactlyOnceWithinCapacities() {
            assertThat(done).isEqualTo(JOBS);
            assertThat(executions).as("executions committed").isEqualTo(JOBS);
            assertThat(distinctJobs).as("jobs executed").isEqualTo(JOBS);
            mostOccupying.forEach((channel, most) ->
                    assertThat(most).as("most jobs at once in " + channel).isLessThanOrEqualTo(CAPACITY.get(channel)));
        }
    }

    private Run runJobs(MidRun midRun) throws Exception {
        Run run = new Run();
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE cluster_execution");
            statement.execute("DELETE FROM queue_job");
            AtomicBoolean sampling = new AtomicBoolean(true);
            CompletableFuture<Void> sampler = CompletableFuture.runAsync(() -> sample(run, sampling));
            long started = System.nanoTime();
            statement.execute(String.format(ENQUEUE, ClusterJobs.class.getName() + ".work", JOBS));
            statement.execute("NOTIFY queue_job, 'enqueued'");
            if (midRun != null) {
                await().atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> doneCount(connection) >= JOBS / 4);
                run.event = midRun.act(connection);
            }
            await().atMost(Duration.ofMinutes(8))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> doneCount(connection) == JOBS);
            run.jobsPerSecond = JOBS / ((System.nanoTime() - started) / 1e9);
            sampling.set(false);
            sampler.join();
            run.done = doneCount(connection);
            run.executions = count(connection, "SELECT count(*) FROM cluster_execution");
            run.distinctJobs = count(connection, "SELECT count(DISTINCT n) FROM cluster_execution");
            try (ResultSet rows =
                    statement.executeQuery("SELECT server, count(*) FROM cluster_execution GROUP BY server")) {
                while (rows.next()) {
                    run.byServer.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return run;
    }

    /** Samples how many jobs each channel holds (dispatched or running), and how many run, until told to stop. */
    private static void sample(Run run, AtomicBoolean sampling) {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            while (sampling.get()) {
                int total = 0;
                try (ResultSet rows = statement.executeQuery(
                        "SELECT channel, count(*) FROM queue_job WHERE state IN ('enqueued', 'started') GROUP BY channel")) {
                    while (rows.next()) {
                        run.mostOccupying.merge(rows.getString(1), rows.getInt(2), Math::max);
                        total += rows.getInt(2);
                    }
                }
                run.mostOccupying.merge("root", total, Math::max);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static PayaraDomain server(String workerName, boolean leader) {
        return servers.stream()
                .filter(server -> workerName.endsWith("/" + server.name()) == leader)
                .findFirst()
                .orElseThrow();
    }

    private static String workerName(PayaraDomain server) throws SQLException {
        try (Connection connection = connect(database)) {
            return stringOf(
                    connection, "SELECT name FROM queue_job_instance WHERE name LIKE '%/" + server.name() + "'");
        }
    }

    private static String holder(Connection connection) throws SQLException {
        return stringOf(connection, "SELECT holder FROM queue_job_leader");
    }

    private static long doneCount(Connection connection) throws SQLException {
        return count(connection, "SELECT count(*) FROM queue_job WHERE state = 'done'");
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String stringOf(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static Connection connect(DatabaseSettings db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private static void report(String scenario, Run run, String event) {
        String line = String.format(
                "%s: %d jobs, %.0f jobs/s, executions %d (distinct %d), per server %s, most at once %s%s%n",
                scenario,
                run.done,
                run.jobsPerSecond,
                run.executions,
                run.distinctJobs,
                run.byServer.values(),
                new java.util.TreeMap<>(run.mostOccupying),
                event.isEmpty() ? "" : "; " + event);
        System.out.print(line);
        try {
            Files.writeString(
                    REPORT, line, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path exportClusterWar() throws IOException {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "cluster-it.war")
                .addClass(ClusterJobs.class)
                .addAsWebResource(new StringAsset("cluster-it"), "index.html")
                .addAsResource(new StringAsset(CONFIG), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsLibraries(TestDeployments.queueJobRuntime());
        Path file = Files.createTempFile("cluster-it", ".war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }
}
