package org.queuejob.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.queuejob.bench.peer.PeerKind;
import org.queuejob.bench.peer.PeerMain;
import org.queuejob.bench.phase.Phase;
import org.queuejob.dev.AppServer;
import org.queuejob.dev.DatabaseSettings;
import org.queuejob.dev.DevEnvironment;
import org.queuejob.dev.PayaraDomain;
import org.queuejob.infrastructure.config.AutovacuumConfig;

/**
 * The benchmark command ({@code mvn -Pbench verify}): one PostgreSQL with durable commits, a database per system,
 * the queue in Payara (or WildFly, {@code -Pbench,wildfly}) and its peers (db-scheduler, a raw JDBC loop) each in a
 * JVM of its own, measured phase by phase side by side; then the queue alone: the cost of an enqueue, and its rates
 * on an aged table. Prints a Markdown report and writes it to {@code target/bench-report.md}.
 */
public final class BenchmarkMain {

    static final String WAR_NAME = "queue-job-bench";

    private BenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        List<String> poolAttributes = payaraPoolAttributes();
        List<String> payaraCommands = payaraCommands();
        Timeline timeline = new Timeline();
        Report report = new Report();
        DevEnvironment.Builder builder = DevEnvironment.builder().database(QueueUnderTest.DATABASE);
        PostgresServer.SERVER_CONFIG.forEach(builder::serverConfig);
        // DevEnvironment makes the server queuejob.server names (-Pbench,wildfly); the timeline names it before.
        String product = AppServer.isWildFly() ? "WildFly" : "Payara";
        try (DevEnvironment environment = timeline.time("start PostgreSQL and " + product, builder::start);
                PostgresServer server = new PostgresServer(environment.database())) {
            AppServer appServer = environment.domain();
            server.enableStatements(QueueUnderTest.DATABASE);
            DatabaseSettings dbScheduler = server.createDatabase(PeerKind.DB_SCHEDULER.database());
            DatabaseSettings raw = server.createDatabase(PeerKind.RAW_JDBC.database());
            configureQueue(appServer, settings, poolAttributes, payaraCommands);
            timeline.time("deploy", () -> {
                appServer.deploy(Path.of(System.getProperty("queuejob.benchWar")), WAR_NAME);
                return null;
            });
            String trial = System.getProperty("bench.queue.sql", "").strip();
            if (!trial.isEmpty()) {
                new JobTable(environment.database()).runTrial(trial);
            }
            BenchApi api = new BenchApi(appServer.baseUrl() + "/" + WAR_NAME + "/api/");
            QueueUnderTest queue = new QueueUnderTest(api, appServer);
            timeline.time("warm-up of the queue", () -> warmUp(queue));
            header(report, settings, appServer, server.settings());
            if (!trial.isEmpty()) {
                report.line(
                        "- **Trial, not the product**: `%s` ran on the queue's database after its migrations", trial);
            }

            PhaseMeter meter = new PhaseMeter(server, settings.statsSettleSeconds());
            Path logs = Path.of(System.getProperty("bench.logDirectory", "target/bench-logs"));
            String classpath = peerClasspath();
            Comparison comparison = new Comparison(
                    List.of(
                            queue,
                            new ForkedPeer(PeerKind.DB_SCHEDULER, dbScheduler, classpath, settings.peerThreads(), logs),
                            new ForkedPeer(PeerKind.RAW_JDBC, raw, classpath, settings.peerThreads(), logs)),
                    meter,
                    timeline,
                    settings);
            comparison.run(report);

            JobTable jobTable = new JobTable(environment.database());
            timeline.time("enqueue cost", () -> {
                new EnqueueCost(api, server, jobTable).run(report);
                return null;
            });
            new BulkActionPhase(settings, queue, api, meter, jobTable, timeline).run(report);
            new AgePhases(settings, queue, api, meter, jobTable, timeline).run(report, comparison.queueBurnDown());

            appServer.undeploy(WAR_NAME);
            // Nothing after needs the aged table: its gigabytes go now, not when the server stops.
            server.dropDatabase(QueueUnderTest.DATABASE);
        }
        report.elapsed(timeline.parts(), timeline.totalSeconds());
        publish(report);
    }

    /** The queue's settings for this run, as system properties of the server (they win over the WAR's file). */
    private static void configureQueue(
            AppServer appServer, BenchSettings settings, List<String> poolAttributes, List<String> payaraCommands) {
        appServer.setSystemProperty("queue-job.channels", settings.queueChannels());
        appServer.setSystemProperty("queue-job.workers", Integer.toString(settings.queueWorkers()));
        appServer.setSystemProperty("queue-job.prefetch", Integer.toString(settings.queuePrefetch()));
        appServer.setSystemProperty("queue-job.claim-batch-size", Integer.toString(settings.queueClaimBatch()));
        // The bench starts its own autovacuum runs; the daily one (03:00 by default) would start in the middle of a
        // phase on a run that spans that hour, and the bench's own start would be refused while it runs.
        appServer.setSystemProperty(AutovacuumConfig.ENABLED, "false");
        AgePhases.autovacuumDuty().ifPresent(duty -> appServer.setSystemProperty(AutovacuumConfig.MAX_DUTY, duty));
        AgePhases.autovacuumBusyDuty().ifPresent(duty -> appServer.setSystemProperty(AutovacuumConfig.BUSY_DUTY, duty));
        if (appServer instanceof PayaraDomain payara) {
            for (String attribute : poolAttributes) {
                payara.asadmin("set", "resources.jdbc-connection-pool." + PayaraDomain.POOL + "." + attribute);
            }
            for (String command : payaraCommands) {
                payara.asadmin(command.split("\\s+"));
            }
        }
    }

    /**
     * Other domain settings to try on Payara, as asadmin commands separated by {@code ;}, e.g. {@code
     * -Dbench.payara.asadmin="set-log-levels javax.enterprise.resource.resourceadapter=WARNING"}.
     */
    private static List<String> payaraCommands() {
        return payaraTrial("bench.payara.asadmin", ";", "runs asadmin on Payara");
    }

    /**
     * Pool attributes to try on Payara, e.g. {@code -Dbench.payara.pool=associate-with-thread=true} (comma-separated,
     * set with asadmin).
     */
    private static List<String> payaraPoolAttributes() {
        return payaraTrial("bench.payara.pool", ",", "sets attributes of Payara's pool");
    }

    /**
     * A trial of Payara's settings given in {@code property}. WildFly has other settings and another tool: there the
     * run stops before it starts, rather than measure without the trial it was asked for.
     */
    private static List<String> payaraTrial(String property, String separator, String what) {
        String given = System.getProperty(property, "");
        List<String> values = Arrays.stream(given.split(separator))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .toList();
        if (!values.isEmpty() && AppServer.isWildFly()) {
            throw new IllegalArgumentException("-D" + property + "=" + given + " " + what
                    + "; this run is on WildFly, where it would not apply. Run without it, or on Payara.");
        }
        return values;
    }

    /**
     * As the peers warm up in their JVMs: the JIT, the connection pool, EclipseLink's metadata. Both shapes of work,
     * since a burn-down's paths (large dispatch batches) were still being compiled during a first timed one.
     */
    private static Void warmUp(QueueUnderTest queue) throws Exception {
        queue.prepare(Phase.BURN_DOWN, PeerMain.WARM_UP_JOBS);
        queue.run(Phase.BURN_DOWN, PeerMain.WARM_UP_JOBS);
        queue.prepare(Phase.CONTINUOUS, PeerMain.WARM_UP_JOBS);
        queue.run(Phase.CONTINUOUS, PeerMain.WARM_UP_JOBS);
        queue.prepare(Phase.LATENCY, 20);
        queue.run(Phase.LATENCY, 20);
        return null;
    }

    private static void header(
            Report report, BenchSettings settings, AppServer appServer, Map<String, String> postgres) {
        report.line("# Queue Job benchmark, %s", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        report.line("");
        report.line(
                "- Machine: %d cores, %s %s, %s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                Machine.javaVersion());
        report.line(
                "- PostgreSQL %s on the same machine, one database per system: %s",
                postgres.get("server_version"),
                String.join(
                        ", ",
                        postgres.entrySet().stream()
                                .filter(e -> !e.getKey().equals("server_version"))
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .toList()));
        report.line(
                "- queue: %s %s, `queue-job.channels=%s`, `queue-job.workers=%d`, `queue-job.prefetch=%d`,"
                        + " `queue-job.claim-batch-size=%d`, poll interval 1 s (default), data source pool of 64",
                appServer.product(),
                serverVersion(),
                settings.queueChannels(),
                settings.queueWorkers(),
                settings.queuePrefetch(),
                settings.queueClaimBatch());
        report.line("- %s", PeerKind.DB_SCHEDULER.configuration(settings.peerThreads()));
        report.line("- raw JDBC: %s", PeerKind.RAW_JDBC.configuration(settings.peerThreads()));
        report.line("- %s", settings.describe());
        report.line(
                "- Each system's phase: prepared, its database analyzed before a burn-down (fresh planner statistics), then %d s for"
                        + " PostgreSQL's statistics to settle, then measured;"
                        + " CPU from /proc (application JVM: %s's or the peer's own; PostgreSQL: postmaster and"
                        + " children, living and exited); statements from pg_stat_statements without BEGIN/COMMIT;"
                        + " commits from pg_stat_database.xact_commit (read-only transactions included). Every"
                        + " system's JVM runs the same warm-up (a burn-down and a continuous run of %,d jobs each, 20 probes) before"
                        + " its phase.",
                settings.statsSettleSeconds(), appServer.product(), PeerMain.WARM_UP_JOBS);
    }

    /**
     * The version the build unpacked (the root pom's), passed by the bench profile. On WildFly the JPA provider is
     * named too: EclipseLink is a module the build adds there, where Payara bundles its own.
     */
    private static String serverVersion() {
        return AppServer.isWildFly()
                ? System.getProperty("bench.wildflyVersion", "?") + " with EclipseLink "
                        + System.getProperty("bench.wildflyEclipseLinkVersion", "?")
                : System.getProperty("bench.payaraVersion", "?");
    }

    /** The test class path the peers' JVMs run with: this module's classes and its test-scope dependencies. */
    private static String peerClasspath() throws IOException {
        String dependencies = Files.readString(Path.of(System.getProperty("bench.classpathFile")));
        return String.join(
                java.io.File.pathSeparator,
                System.getProperty("bench.testClasses"),
                System.getProperty("bench.classes"),
                dependencies.strip());
    }

    private static void publish(Report report) throws IOException {
        Path file = Path.of(System.getProperty("bench.report", "target/bench-report.md"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, report.toString(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("(written to " + file.toAbsolutePath() + ")");
    }
}
