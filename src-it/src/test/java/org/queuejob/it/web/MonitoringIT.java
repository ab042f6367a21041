package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.queuejob.dev.DatabaseSettings;
import org.queuejob.it.support.DeployedDemoEar;
import org.queuejob.it.support.ItEnvironment;
import org.queuejob.it.support.ServerSettings;
import org.queuejob.it.support.Servers;

/**
 * The platform's standard endpoints on the demo EAR, without sample traffic so that counts are exact: MicroProfile
 * Health (live and ready, DOWN while the database refuses connections and UP again after), MicroProfile Metrics in
 * Prometheus format (checked against the database), and the OpenAPI document (schema check and a round trip).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringIT {

    @RegisterExtension
    @Order(1)
    static final ServerSettings QUIET = new ServerSettings(Map.of("queue-job.sample.traffic", "false"));

    @RegisterExtension
    @Order(2)
    static final DeployedDemoEar EAR = new DeployedDemoEar();

    static final String NEWSLETTER = ApiIT.NEWSLETTER;
    static final String INVENTORY = ApiIT.INVENTORY;

    @Test
    @Order(1)
    void health_liveAndReady_areUp_withNamedChecksAndTheirData() {
        Servers.assumeHealthChecksOfEarModules();
        Api.Reply ready = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> Api.fetch(Api.managementRoot() + "/health/ready", "application/json"),
                        r -> r.status() == 200);
        JsonObject readyCheck = check(ready.json(), "queue-job-database");
        assertThat(readyCheck.getString("status")).isEqualTo("UP");
        JsonObject data = readyCheck.getJsonObject("data");
        assertThat(data.getString("database")).isEqualTo("reachable");
        assertThat(flag(data, "migrationsApplied")).isTrue();
        assertThat(flag(data, "leaderKnown")).isTrue();
        assertThat(flag(data, "listenerConnected")).isTrue();

        Api.Reply live = Api.fetch(Api.managementRoot() + "/health/live", "application/json");
        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        JsonObject liveCheck = check(live.json(), "queue-job-loops");
        assertThat(liveCheck.getString("status")).isEqualTo("UP");
        assertThat(flag(liveCheck.getJsonObject("data"), "leader")).isTrue();
        assertThat(Long.parseLong(text(liveCheck.getJsonObject("data"), "workersTotal")))
                .isPositive();

        Api.Reply all = Api.fetch(Api.managementRoot() + "/health", "application/json");
        assertThat(all.json().getString("status")).isEqualTo("UP");
        saveExample("health-ready.json", ready.body());
    }

    @Test
    @Order(2)
    void metrics_countOutcomesPerJobFunction_andWaitingJobsPerChannelAndState_asTheDatabaseDoes() {
        String channel = JobRows.uniqueChannel("metrics");
        JobRows.insertMany(37, channel, "pending");
        JobRows.insertMany(5, channel, "failed");
        Api manager = Api.asManager();
        List<String> mine = new ArrayList<>();
        // Priority 0, ahead of whatever the demo's traffic left waiting before it was turned off: root.inventory runs
        // one job every 2 s, and its backlog (25 jobs in one run) held these jobs back for 48 s.
        for (int i = 0; i < 5; i++) {
            mine.add(manager.post(
                            "/jobs",
                            "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":[\"m" + i
                                    + "@example.org\"],\"priority\":0}")
                    .json()
                    .getString("uuid"));
        }
        for (int i = 0; i < 3; i++) {
            mine.add(manager.post(
                            "/jobs",
                            "{\"function\":\"" + INVENTORY + "\",\"arguments\":[4,[\"sku-" + i + "\"]],\"priority\":0}")
                    .json()
                    .getString("uuid"));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> JobRows.count(
                                "SELECT count(*) FROM queue_job WHERE uuid::text = ANY (?) AND state IN ('done', 'failed')",
                                (Object) mine.toArray(String[]::new))
                        == 8);

        String since =
                OffsetDateTime.ofInstant(QUIET.appliedAt(), ZoneOffset.UTC).toString();
        Scrape scrape = await().atMost(Duration.ofSeconds(30))
                .until(
                        MonitoringIT::scrape,
                        // A channel and state seen for the first time get their gauge during a scrape: in full from
                        // the next one on.
                        s -> s.value("queue_job_jobs", "channel", channel, "state", "pending")
                                                .orElse(-1)
                                        == 37
                                && s.value("queue_job_jobs", "channel", channel, "state", "failed")
                                                .orElse(-1)
                                        == 5);
        // This server's counter against its own done rows (a done row keeps its worker): another process on the
        // database (a cluster test's server) must not be counted. Once off by one; the per-server counts say where.
        String server = ApiIT.thisServer();
        long doneInDb = JobRows.count(
                "SELECT count(*) FROM queue_job WHERE job_function = ? AND state = 'done'"
                        + " AND date_done >= ?::timestamptz AND worker = ?",
                NEWSLETTER,
                since,
                server);
        String donePerServer = JobRows.queryString(
                "SELECT coalesce(string_agg(coalesce(worker, '-') || ': ' || n, ', '), 'none') FROM"
                        + " (SELECT worker, count(*) AS n FROM queue_job WHERE job_function = ? AND state = 'done'"
                        + " AND date_done >= ?::timestamptz GROUP BY worker) AS done",
                NEWSLETTER,
                since);
        long failedInDb = JobRows.count(
                "SELECT count(*) FROM queue_job WHERE job_function = ? AND state = 'failed'"
                        + " AND date_started >= ?::timestamptz",
                INVENTORY,
                since);
        assertThat(doneInDb).isGreaterThanOrEqualTo(5);
        assertThat(failedInDb).isGreaterThanOrEqualTo(3);
        assertThat(scrape.value("queue_job_done_total", "function", NEWSLETTER))
                .as("newsletters done on %s since %s (done per server: %s)", server, since, donePerServer)
                .hasValue(doneInDb);
        assertThat(scrape.value("queue_job_failed_total", "function", INVENTORY))
                .hasValue(failedInDb);
        assertThat(scrape.value("queue_job_leader")).hasValue(1);
        assertThat(scrape.value("queue_job_servers", "condition", "alive").orElseThrow())
                .as("servers alive")
                .isPositive();
        assertThat(scrape.value("queue_job_servers", "condition", "silent")).isPresent();
        assertThat(scrape.value("queue_job_servers_quiet"))
                .as("no server quiet")
                .hasValue(0);
        // Micrometer's Prometheus names drop a gauge's "_total" (a suffix Prometheus keeps for counters) on WildFly.
        assertThat(scrape.value(Servers.onWildFly() ? "queue_job_workers" : "queue_job_workers_total")
                        .orElseThrow())
                .isPositive();
        assertThat(scrape.value("queue_job_dispatch_passes").orElseThrow()).isPositive();
        // Both series from the start, at zero while nothing was interrupted, so that alerts need no "absent" clause.
        assertThat(scrape.value("queue_job_interrupted_total", "reason", "timeout"))
                .isPresent();
        assertThat(scrape.value("queue_job_interrupted_total", "reason", "taken_away"))
                .isPresent();
        assertThat(scrape.value("queue_job_workers_taken_away")).hasValue(0);
        assertThat(scrape.value("queue_job_run_micros_count").orElseThrow())
                .isGreaterThanOrEqualTo(doneInDb + failedInDb);
        assertThat(scrape.value("queue_job_start_latency_micros_count").orElseThrow())
                .isGreaterThanOrEqualTo(8);
        saveExample(
                "metrics.txt",
                String.join(
                        "\n",
                        scrape.text()
                                .lines()
                                .filter(line -> line.contains("queue_job"))
                                .filter(line -> !line.contains("it-") || line.contains(channel))
                                .toList()));
    }

    @Test
    @Order(3)
    void openApi_describesEveryRoute_andAJobRoundTripsThroughItsSchemas() {
        Api.Reply reply = Api.fetch(Api.serverRoot() + "/openapi", "application/json");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject document = reply.json();
        assertThat(document.getString("openapi")).startsWith("3.");
        JsonObject paths = document.getJsonObject("paths");
        Map<String, Set<String>> expected = Map.ofEntries(
                Map.entry("/jobs", Set.of("get", "post")),
                Map.entry("/jobs/{uuid}", Set.of("get", "patch")),
                Map.entry("/jobs/{uuid}/requeue", Set.of("post")),
                Map.entry("/jobs/{uuid}/done", Set.of("post")),
                Map.entry("/jobs/{uuid}/cancel", Set.of("post")),
                Map.entry("/bulk-actions", Set.of("get", "post")),
                Map.entry("/bulk-actions/{id}", Set.of("get")),
                Map.entry("/bulk-actions/{id}/stop", Set.of("post")),
                Map.entry("/bulk-actions/{id}/resume", Set.of("post")),
                Map.entry("/channels", Set.of("get", "post")),
                Map.entry("/channels/{name}", Set.of("get", "put", "delete")),
                Map.entry("/channels/{name}/pause", Set.of("post")),
                Map.entry("/channels/{name}/resume", Set.of("post")),
                Map.entry("/job-functions", Set.of("get")),
                Map.entry("/job-functions/{name}", Set.of("get", "put")),
                Map.entry("/recurring-jobs", Set.of("get", "post")),
                Map.entry("/recurring-jobs/{id}", Set.of("get", "put", "delete")),
                Map.entry("/recurring-jobs/{id}/run", Set.of("post")),
                Map.entry("/servers", Set.of("get")),
                Map.entry("/servers/quiet", Set.of("post")),
                Map.entry("/servers/resume", Set.of("post")));
        expected.forEach((path, methods) -> {
            JsonObject operations = paths.entrySet().stream()
                    .filter(entry -> entry.getKey().endsWith("/api/v1" + path))
                    .map(entry -> entry.getValue().asJsonObject())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No path " + path + " in " + paths.keySet()));
            assertThat(operations.keySet()).as(path).containsAll(methods);
        });
        JsonObject components = document.getJsonObject("components");
        JsonObject basic = components.getJsonObject("securitySchemes").getJsonObject("basic");
        assertThat(basic.getString("type")).isEqualTo("http");
        assertThat(basic.getString("scheme")).isEqualTo("basic");
        JsonObject schemas = components.getJsonObject("schemas");
        assertThat(schemas.keySet())
                .contains(
                        "Job",
                        "JobDetail",
                        "JobList",
                        "Enqueue",
                        "Created",
                        "Problem",
                        "BulkRequest",
                        "BulkStatus",
                        "Channel",
                        "JobFunction",
                        "Server",
                        "ServerAction",
                        "Overrun");

        // A client working from the document: build the enqueue body from the Enqueue schema's properties, then read
        // the job back and find every field of the answer in the JobDetail schema.
        Set<String> enqueueFields = properties(schemas, "Enqueue");
        assertThat(enqueueFields).contains("function", "arguments");
        Api.Reply created = Api.asManager()
                .post(
                        "/jobs",
                        "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":[\"openapi@example.org\"],\"priority\":7}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(properties(schemas, "Created")).containsAll(created.json().keySet());
        JsonObject job =
                Api.asViewer().get("/jobs/" + created.json().getString("uuid")).json();
        assertThat(properties(schemas, "JobDetail")).containsAll(job.keySet());
        assertThat(job.getInt("priority")).isEqualTo(7);
        saveExample("openapi.json", reply.body());
    }

    /**
     * The pool outlives this class's deployment: a connection the outage closed, not yet found closed by the pool, failed
     * the next class's request (ApiIT, fresh clone of 622cd09). The outage is this class's doing, so is the clean-up.
     */
    @AfterAll
    static void leaveNoConnectionTheOutageClosedInThePool() {
        ItEnvironment.domain().flushConnectionPool();
    }

    @Test
    @Order(4)
    void readiness_isDownWhileTheDatabaseRefusesConnections_andUpAgainAfter() throws SQLException {
        Servers.assumeHealthChecksOfEarModules();
        DatabaseSettings db = ItEnvironment.database();
        String other = db.database().equals("template1") ? "postgres" : "template1";
        try {
            admin(
                    other,
                    "ALTER DATABASE \"" + db.database() + "\" WITH ALLOW_CONNECTIONS false",
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db.database()
                            + "' AND pid <> pg_backend_pid()");
            Api.Reply down = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> Api.fetch(Api.managementRoot() + "/health/ready", "application/json"),
                            r -> r.status() == 503);
            JsonObject check = check(down.json(), "queue-job-database");
            assertThat(check.getString("status")).isEqualTo("DOWN");
            assertThat(check.getJsonObject("data").getString("database")).isEqualTo("unreachable");
            assertThat(down.body()).doesNotContain("\tat ");
            saveExample("health-ready-down.json", down.body());
        } finally {
            admin(other, "ALTER DATABASE \"" + db.database() + "\" WITH ALLOW_CONNECTIONS true");
        }
        Api.Reply up = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> Api.fetch(Api.managementRoot() + "/health/ready", "application/json"),
                        r -> r.status() == 200);
        assertThat(check(up.json(), "queue-job-database").getString("status")).isEqualTo("UP");
        // And the queue works again: a job enqueued now runs. For up to its validation period the pool may still hand
        // out a connection the database closed: such a request is a 503 that says to send it again, never a 500.
        Api.Reply enqueued = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> Api.asManager()
                                .post(
                                        "/jobs",
                                        "{\"function\":\"" + NEWSLETTER
                                                + "\",\"arguments\":[\"after-outage@example.org\"]}"),
                        reply -> {
                            if (reply.status() == 201) {
                                return true;
                            }
                            assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
                            assertThat(reply.json().getString("detail"))
                                    .startsWith("The database could not be reached, so nothing was saved.");
                            return false;
                        });
        String uuid = enqueued.json().getString("uuid");
        await().atMost(Duration.ofSeconds(60)).until(() -> "done".equals(JobRows.state(UUID.fromString(uuid))));
    }

    /** A health check's datum as text: servers write booleans and numbers as JSON values or as strings. */
    static String text(JsonObject data, String key) {
        JsonValue value = data.get(key);
        assertThat(value).as(key + " in " + data).isNotNull();
        return value.getValueType() == JsonValue.ValueType.STRING ? data.getString(key) : value.toString();
    }

    static boolean flag(JsonObject data, String key) {
        return Boolean.parseBoolean(text(data, key));
    }

    private static void admin(String database, String... statements) throws SQLException {
        DatabaseSettings db = ItEnvironment.database().withDatabase(database);
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    static Scrape scrape() {
        Api.Reply reply = Api.fetch(Api.managementRoot() + "/metrics", "text/plain");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return Scrape.of(reply.body());
    }

    static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No check " + name + " in " + health));
    }

    /** A schema's property names, its allOf parts' included. */
    static Set<String> properties(JsonObject schemas, String name) {
        Set<String> names = new HashSet<>();
        JsonObject schema = schemas.getJsonObject(name);
        if (schema.containsKey("properties")) {
            names.addAll(schema.getJsonObject("properties").keySet());
        }
        if (schema.containsKey("allOf")) {
            for (JsonValue part : schema.getJsonArray("allOf")) {
                JsonObject partObject = part.asJsonObject();
                if (partObject.containsKey("$ref")) {
                    String ref = partObject.getString("$ref");
                    names.addAll(properties(schemas, ref.substring(ref.lastIndexOf('/') + 1)));
                } else if (partObject.containsKey("properties")) {
                    names.addAll(partObject.getJsonObject("properties").keySet());
                }
            }
        }
        return names;
    }

    /** Real answers for the README, in target/ops-examples. */
    static void saveExample(String name, String body) {
        try {
            Path dir = Path.of("target", "ops-examples");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
