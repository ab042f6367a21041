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
import org.queuejob.dev.AppServer;
import org.queuejob.dev.DatabaseSettings;
import org.queuejob.it.cluster.RecurringClusterJobs;
import org.queuejob.it.support.ClusterServers;
import org.queuejob.it.support.ItEnvironment;
import org.queuejob.it.support.TestDeployments;

/**
 * Two servers on one database (Payara domains, or WildFly standalone servers in src-it-wildfly), both looking for
 * due recurring jobs every second, with a job every two seconds: each tick enqueues exactly one job (no tick twice,
 * none missing), and when one server's application leaves the other goes on tick after tick. The ticks are read from the jobs
 * themselves (their description names the tick), so a tick enqueued twice, or skipped, shows. (The application leaves
 * rather than the server stopping, so that ClusterIT, which runs next, finds both up; ClusterIT stops a server
 * gracefully itself.) The same two servers show
 * that a bulk action's progress is the same on every server: started on the leader, it is followed, stopped and resumed
 * from the follower, whose chunks then commit at full pace (each tells the leader of the jobs it requeued, after its
 * commit).
 *
 * <p>The servers are the ones ClusterIT uses ({@link ClusterServers}: port bases or offsets 2,000 and 2,100 above this
 * run's).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecurringClusterIT {

    private static final String DATABASE = "recurring_cluster_it";
    private static final String FUNCTION = RecurringClusterJobs.class.getName() + ".everyTwoSeconds";
    private static final Duration PERIOD = Duration.ofSeconds(2);
    private static final int TICKS = 10;

    private static DatabaseSettings database;
    private static List<AppServer> servers;

    @BeforeAll
    static void startTwoServers() throws Exception {
        DatabaseSettings shared = ItEnvironment.database();
        try (Connection admin = DriverManager.getConnection(shared.jdbcUrl(), shared.user(), shared.password());
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        database = new DatabaseSettings(shared.host(), shared.port(), DATABASE, shared.user(), shared.password());
        Path war = exportWar();
        servers = ClusterServers.readyFor(database, 16);
        for (AppServer server : servers) {
            server.deploy(war, "recurring-cluster-it");
        }
    }

    /**
     * Undeployed: an application left there would tick into this test's database while ClusterIT runs next (after
     * this class, {@link org.queuejob.it.support.SuiteOrder}), on the servers left running for it.
     */
    @AfterAll
    static void undeploy() {
        ClusterServers.release("recurring-cluster-it");
    }

    @Test
    @Order(0)
    void bulkActionStartedOnOneServer_isFollowedStoppedAndResumedFromTheOther() throws Exception {
        // Twelve chunks at the probe's slow pace: the stop, sent as soon as the other server sees a chunk, lands long
        // before the last (as with the 3,000 jobs this took before, whose resume cost half a minute more).
        int jobs = 1_200;
        String channel = "root.bulk-probe";
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO queue_job (id, uuid, description, job_function, arguments, state, priority,
                                           max_retries, channel, date_created, exc_name, exc_message)
                    SELECT nextval('queue_job_seq'), gen_random_uuid(), 'bulk probe ' || n,
                           'org.queuejob.it.cluster.BulkProbe.none', jsonb_build_array(n), 'failed', 10, 5,
                           'root.bulk-probe', now(), 'java.io.IOException', 'Disk full'
                      FROM generate_series(1, %d) AS n""".formatted(jobs));
        }
        // Stopped and resumed from the follower, so that the resumed chunks commit on a server that tells the leader
        // of the jobs they requeue: that message is sent after each chunk's commit.
        String leader = await().atMost(Duration.ofSeconds(30))
                .until(() -> stringOf("SELECT holder FROM queue_job_leader"), holder -> holder != null);
        AppServer starter = servers.stream()
                .filter(server -> leader.endsWith("/" + server.name()))
                .findFirst()
                .orElseThrow();
        AppServer other = servers.get(1 - servers.indexOf(starter));

        long id = Long.parseLong(post(starter, "do=start&channel=" + channel));

        // The other server sees it running, part done, from the record alone.
        String running = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> status(other, id),
                        status -> status.startsWith("RUNNING " + jobs + " ") && changed(status) > 0);
        assertThat(changed(running))
                .as("changed while running, seen from the other server")
                .isLessThan(jobs);

        post(other, "do=stop&id=" + id);
        String stopped = await().atMost(Duration.ofSeconds(60))
                .until(() -> status(starter, id), status -> status.startsWith("STOPPED "));
        assertThat(status(other, id))
                .as("the stopped action on the other server")
                .isEqualTo(stopped);
        assertThat(changed(stopped)).as("changed when stopped").isLessThan(jobs);

        post(other, "do=resume&id=" + id);
        String completed = await().atMost(Duration.ofSeconds(120))
                .until(() -> status(starter, id), status -> status.startsWith("COMPLETED "));
        assertThat(status(other, id))
                .as("the completed action on the other server")
                .isEqualTo(completed);
        assertThat(changed(completed)).as("changed in all").isEqualTo(jobs);
    }

    private static long changed(String status) {
        return Long.parseLong(status.split(" ")[2]);
    }

    private static String status(AppServer server, long id) throws Exception {
        return http(
                server,
                java.net.http.HttpRequest.newBuilder(probe(server, "id=" + id))
                        .GET()
                        .build());
    }

    private static String post(AppServer server, String query) throws Exception {
        return http(
                server,
                java.net.http.HttpRequest.newBuilder(probe(server, query))
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                        .build());
    }

    private static java.net.URI probe(AppServer server, String query) {
        return java.net.URI.create(server.baseUrl() + "/recurring-cluster-it/bulk?" + query);
    }

    private static String http(AppServer server, java.net.http.HttpRequest request) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(() -> request.method() + " " + request.uri() + " on " + server.name() + ": " + response.body())
                .isEqualTo(200);
        return response.body();
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
    void whenOneServerLeaves_theOtherEnqueuesEveryTick() throws Exception {
        // The application leaves the server as it does when the server stops (its queue ends, gives up the lead and
        // its membership); the server itself stays up for ClusterIT, which stops one gracefully itself.
        servers.get(0).undeploy("recurring-cluster-it");
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

    private static String stringOf(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
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
                .addClass(org.queuejob.it.cluster.BulkProbe.class)
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
