package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.queuejob.dev.DatabaseSettings;
import org.queuejob.dev.PayaraDomain;
import org.queuejob.it.cluster.RecurringClusterJobs;
import org.queuejob.it.support.ItEnvironment;
import org.queuejob.it.support.TestDeployments;

/**
 * Two Payara servers on one database, both looking for due recurring jobs every second, with a job every two seconds:
 * each tick enqueues exactly one job (no tick twice, none missing), and when one server stops the other goes on tick
 * after tick. The ticks are read from the jobs themselves (their description names the tick), so a tick enqueued
 * twice, or skipped, shows.
 *
 * <p>The servers are the domains ClusterIT uses, at port bases 2,000 and 2,100 above this run's
 * ({@code queuejob.recurring-cluster.portbases} overrides them, e.g. {@code 18000,18100}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecurringClusterIT {

    private static final String DATABASE = "recurring_cluster_it";
    private static final String FUNCTION = RecurringClusterJobs.class.getName() + ".everyTwoSeconds";
    private static final Duration PERIOD = Duration.ofSeconds(2);
    private static final int TICKS = 10;

    private static DatabaseSettings database;
    private static List<PayaraDomain> servers;

    @BeforeAll
    static void startTwoServers() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                org.queuejob.dev.AppServer.isWildFly(),
                "Payara only for now: the two extra servers are Payara domains (ClusterIT's on WildFly does not pass yet)");
        DatabaseSettings shared = ItEnvironment.database();
        try (Connection admin = DriverManager.getConnection(shared.jdbcUrl(), shared.user(), shared.password());
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        database = new DatabaseSettings(shared.host(), shared.port(), DATABASE, shared.user(), shared.password());
        Path home = ItEnvironment.domain().home();
        int base = Integer.getInteger("queuejob.payara.portbase", 8000);
        String[] bases = System.getProperty("queuejob.recurring-cluster.portbases", (base + 2000) + "," + (base + 2100))
                .split(",");
        servers = List.of(
                PayaraDomain.withPortBase(home, Integer.parseInt(bases[0].strip())),
                PayaraDomain.withPortBase(home, Integer.parseInt(bases[1].strip())));
        Path war = exportWar();
        servers.parallelStream().forEach(server -> {
            server.start();
            // The domains are ClusterIT's too: an application left on them (ClusterIT's, or this test's from an
            // interrupted run) would join this database as a second queue under the same server name. Undeployed
            // before the data source is replaced under it.
            server.undeploy("cluster-it");
            server.undeploy("recurring-cluster-it");
            server.createDataSource(database, 16);
        });
        for (PayaraDomain server : servers) {
            server.deploy(war, "recurring-cluster-it");
        }
    }

    /**
     * Undeploys before stopping: the domains are ClusterIT's too, and an application left deployed there would tick
     * into that test's database when its servers start.
     */
    @AfterAll
    static void undeployAndStopServers() {
        if (servers != null) {
            servers.parallelStream().forEach(server -> {
                if (!server.isRunning()) {
                    server.start();
                }
                server.undeploy("recurring-cluster-it");
                server.stop();
            });
        }
    }

    @Test
    @Order(1)
    void twoServersLookingEverySecond_enqueueExactlyOneJobPerTick() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM queue_job_instance") == 2);
        Instant from = Instant.now();

        await().atMost(Duration.ofSeconds(60)).until(() -> ticksSince(from).size() >= TICKS);

        assertOneJobPerTick(ticksSince(from));
    }

    @Test
    @Order(2)
    void whenOneServerStops_theOtherEnqueuesEveryTick() throws Exception {
        servers.get(0).stop();
        Instant from = Instant.now();

        await().atMost(Duration.ofSeconds(60)).until(() -> ticksSince(from).size() >= TICKS);

        assertOneJobPerTick(ticksSince(from));
    }

    /** No tick twice, and none missing between the first and the last. */
    private static void assertOneJobPerTick(List<Instant> ticks) {
        assertThat(new HashSet<>(ticks)).as("distinct ticks").hasSameSizeAs(ticks);
        for (int i = 1; i < ticks.size(); i++) {
            assertThat(Duration.between(ticks.get(i - 1), ticks.get(i)))
                    .as("from tick %s to the next", ticks.get(i - 1))
                    .isEqualTo(PERIOD);
        }
    }

    /** The ticks of the jobs enqueued for ticks after {@code from}, in order, each as often as it has jobs. */
    private static List<Instant> ticksSince(Instant from) throws SQLException {
        String prefix = RecurringClusterJobs.NAME + " · tick ";
        List<Instant> ticks = new ArrayList<>();
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT description FROM queue_job WHERE job_function = ? ORDER BY description")) {
            query.setString(1, FUNCTION);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Instant tick = Instant.parse(rows.getString(1).substring(prefix.length()));
                    if (tick.isAfter(from)) {
                        ticks.add(tick);
                    }
                }
            }
        }
        return ticks;
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static Path exportWar() throws IOException {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "recurring-cluster-it.war")
                .addClass(RecurringClusterJobs.class)
                .addAsWebResource(new StringAsset("recurring-cluster-it"), "index.html")
                .addAsResource(
                        new StringAsset("queue-job.channels=root:2\n"), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsLibraries(TestDeployments.queueJobRuntime());
        Path file = Files.createTempFile("recurring-cluster-it", ".war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }
}
