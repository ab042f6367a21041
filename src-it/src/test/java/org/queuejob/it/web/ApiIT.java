package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.it.support.DeployedDemoEar;
import org.queuejob.it.support.HeldLock;

/**
 * The REST API over real HTTP on the demo EAR: every route as anonymous (401), viewer (reads; 403 on changes, nothing
 * changed) and manager (changes, checked in the database); bad input answered with a problem document that says what
 * is wrong; keyset paging through 10,000 jobs while they change state, with no duplicate and no gap; enqueue checked
 * like a Java call; CSRF: the back office's session cookie never carries a change.
 */
@ExtendWith(DeployedDemoEar.class)
class ApiIT {

    static final String NEWSLETTER = "org.queuejob.sample.SampleJobs.sendNewsletter";
    static final String INVENTORY = "org.queuejob.sample.SampleJobs.syncInventory";

    /** Every route, with a body where it takes one: {method, path, body}. */
    static List<String[]> routes(UUID job, String channel) {
        return List.of(
                new String[] {"GET", "/jobs", null},
                new String[] {"GET", "/jobs/" + job, null},
                new String[] {"POST", "/jobs", "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":[\"x@example.org\"]}"
                },
                new String[] {"POST", "/jobs/" + job + "/requeue", "{}"},
                new String[] {"POST", "/jobs/" + job + "/done", "{}"},
                new String[] {"POST", "/jobs/" + job + "/cancel", "{}"},
                new String[] {"PATCH", "/jobs/" + job, "{\"priority\":1}"},
                new String[] {"POST", "/bulk-actions", "{\"action\":\"cancel\",\"uuids\":[\"" + job + "\"]}"},
                new String[] {"GET", "/bulk-actions/" + UUID.randomUUID(), null},
                new String[] {"GET", "/channels", null},
                new String[] {"GET", "/channels/root", null},
                new String[] {"PUT", "/channels/" + channel, "{\"capacity\":3}"},
                new String[] {"POST", "/channels", "{\"name\":\"" + channel + "\",\"capacity\":3}"},
                new String[] {"DELETE", "/channels/root.mail", null},
                new String[] {"POST", "/channels/root/pause", "{}"},
                new String[] {"POST", "/channels/root/resume", "{}"},
                new String[] {"GET", "/servers", null},
                new String[] {"POST", "/servers/quiet", serverBody(thisServer())},
                new String[] {"POST", "/servers/resume", serverBody(thisServer())},
                new String[] {"GET", "/job-functions", null},
                new String[] {"GET", "/job-functions/" + NEWSLETTER, null},
                new String[] {"PUT", "/job-functions/" + NEWSLETTER, "{\"channel\":\"root.hijacked\"}"});
    }

    /** The demo's server, once it leads (it takes the lead at its first poll after its deployment). */
    static String thisServer() {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> JobRows.queryString("SELECT coalesce(holder, '') FROM queue_job_leader"),
                        holder -> !holder.isEmpty());
    }

    /** The body of a server action: the server's name (it holds a slash, so it is not in the path). */
    static String serverBody(String server) {
        return Json.createObjectBuilder().add("server", server).build().toString();
    }

    /** The server as {@code GET /servers} lists it. */
    static JsonObject listed(Api api, String server) {
        return api.get("/servers").array().stream()
                .map(JsonValue::asJsonObject)
                .filter(listed -> listed.getString("name").equals(server))
                .findFirst()
                .orElseThrow();
    }

    static void assertProblem(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("type")).isEqualTo("about:blank");
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        assertThat(reply.body()).doesNotContain("\tat ", "Exception:", "SELECT ", "UPDATE ", "<html");
    }

    /**
     * The job's state and result, or while it has none where it stands (its server, and what else its channel runs):
     * a wait that times out says why the job did not run.
     */
    private static String runOf(String uuid) {
        return JobRows.queryString("""
                SELECT CASE WHEN j.state = 'done' THEN 'done: ' || j.result
                            ELSE j.state || ' on ' || coalesce(j.worker, '-') || ' in ' || j.channel || ' (running there: '
                                 || (SELECT count(*) FROM queue_job o
                                      WHERE o.channel = j.channel AND o.state IN ('enqueued', 'started')) || ')'
                       END
                  FROM queue_job j WHERE j.uuid = ?::uuid""", uuid);
    }

    static String detail(Api.Reply reply) {
        return reply.json().getString("detail");
    }

    @Test
    void anonymous_gets401WithABasicChallenge_onEveryRoute() {
        String channel = JobRows.uniqueChannel("api-anon");
        JobRows.Stored job =
                JobRows.aFailedJob(channel, "java.io.IOException", "Disk full").store();
        for (String[] route : routes(job.uuid(), channel)) {
            Api.Reply reply = Api.anonymous().send(route[0], route[1], route[2], route[2] == null ? null : Api.JSON);
            assertProblem(reply, 401);
            assertThat(reply.challenge())
                    .as(route[0] + " " + route[1])
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
        }
        assertThat(JobRows.state(job.uuid())).isEqualTo("failed");
        assertProblem(Api.as("manager", "not-the-password").get("/jobs"), 401);
        assertThat(detail(Api.as("manager", "not-the-password").get("/jobs")))
                .isEqualTo("Wrong user name or password.");
    }

    @Test
    void viewer_readsEveryRoute_butEveryChangeIs403_andChangesNothing() {
        String channel = JobRows.uniqueChannel("api-viewer");
        JobRows.Stored job =
                JobRows.aFailedJob(channel, "java.io.IOException", "Disk full").store();
        long jobsBefore = JobRows.count("SELECT count(*) FROM queue_job");
        for (String[] route : routes(job.uuid(), channel)) {
            Api.Reply reply = Api.asViewer().send(route[0], route[1], route[2], route[2] == null ? null : Api.JSON);
            if (route[0].equals("GET")) {
                int expected = route[1].startsWith("/bulk-actions/") ? 404 : 200;
                assertThat(reply.status()).as(route[1] + ": " + reply).isEqualTo(expected);
            } else {
                assertProblem(reply, 403);
                assertThat(detail(reply)).as(route[0] + " " + route[1]).contains("queue-job-manager");
            }
        }
        assertThat(JobRows.state(job.uuid())).isEqualTo("failed");
        assertThat(JobRows.queryString(
                        "SELECT priority FROM queue_job WHERE uuid = ?::uuid",
                        job.uuid().toString()))
                .isEqualTo("10");
        assertThat(JobRows.count("SELECT count(*) FROM queue_job_channel WHERE complete_name = ?", channel))
                .isZero();
        assertThat(JobRows.count("SELECT count(*) FROM queue_job_channel WHERE complete_name = 'root' AND paused"))
                .isZero();
        assertThat(JobRows.count("SELECT count(*) FROM queue_job_instance WHERE quiet_since IS NOT NULL"))
                .isZero();
        assertThat(JobRows.queryString(
                        "SELECT coalesce(channel, '') FROM queue_job_function WHERE name = ?", NEWSLETTER))
                .isEmpty();
        // No job was enqueued by the viewer's POST /jobs (sample traffic may add its own: count only the viewer's).
        assertThat(JobRows.count(
                        "SELECT count(*) FROM queue_job WHERE arguments = '[\"x@example.org\"]'::jsonb AND id > 0"))
                .isZero();
        assertThat(jobsBefore).isPositive();
    }

    @Test
    void manager_requeuesSetsDoneCancelsAndReschedules_asTheJobPageDoes() {
        String channel = JobRows.uniqueChannel("api-manager");
        JobRows.Stored failed =
                JobRows.aFailedJob(channel, "java.io.IOException", "Disk full").store();
        Api manager = Api.asManager();

        Api.Reply requeued = manager.post("/jobs/" + failed.uuid() + "/requeue", "{}");
        assertThat(requeued.status()).as(requeued.toString()).isEqualTo(200);
        assertThat(requeued.json().getString("state")).isEqualTo("pending");
        assertThat(JobRows.state(failed.uuid())).isEqualTo("pending");

        Instant eta = Instant.parse("2031-01-02T03:04:05Z");
        Api.Reply changed = manager.patch(
                "/jobs/" + failed.uuid(),
                "{\"priority\":3,\"eta\":\"" + eta + "\",\"channel\":\"" + channel + ".sub\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(JobRows.queryString(
                        "SELECT priority || ' ' || channel || ' ' || to_char(eta AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')"
                                + " FROM queue_job WHERE uuid = ?::uuid",
                        failed.uuid().toString()))
                .isEqualTo("3 " + channel + ".sub 2031-01-02 03:04:05");
        assertThat(manager.patch("/jobs/" + failed.uuid(), "{\"clearEta\":true}")
                        .json()
                        .containsKey("eta"))
                .isFalse();

        Api.Reply done = manager.post("/jobs/" + failed.uuid() + "/done", "{}");
        assertThat(done.json().getString("state")).isEqualTo("done");
        assertThat(JobRows.queryString(
                        "SELECT result FROM queue_job WHERE uuid = ?::uuid",
                        failed.uuid().toString()))
                .isEqualTo("Manually set to done by manager");

        JobRows.Stored parent = JobRows.aJob(channel).store();
        JobRows.Stored child = JobRows.aJob(channel).state("wait_dependencies").store();
        JobRows.dependency(parent, child);
        Api.Reply cancelled = manager.post("/jobs/" + parent.uuid() + "/cancel", "{}");
        assertThat(cancelled.json().getString("state")).isEqualTo("cancelled");
        assertThat(JobRows.state(child.uuid())).isEqualTo("cancelled");
        assertThat(JobRows.queryString(
                        "SELECT result FROM queue_job WHERE uuid = ?::uuid",
                        parent.uuid().toString()))
                .isEqualTo("Cancelled by manager");
    }

    @Test
    void jobDetail_carriesArgumentsFailureAndGraph() {
        String channel = JobRows.uniqueChannel("api-detail");
        UUID graph = UUID.randomUUID();
        JobRows.Stored parent = JobRows.aFailedJob(channel, "java.io.IOException", "Disk <b>full</b>")
                .graph(graph)
                .store();
        JobRows.Stored child =
                JobRows.aJob(channel).graph(graph).state("wait_dependencies").store();
        JobRows.dependency(parent, child);

        JsonObject job = Api.asViewer().get("/jobs/" + parent.uuid()).json();

        assertThat(job.getString("uuid")).isEqualTo(parent.uuid().toString());
        assertThat(job.getString("state")).isEqualTo("failed");
        assertThat(job.getString("excMessage")).isEqualTo("Disk <b>full</b>");
        assertThat(job.getString("excInfo")).contains("Fixture.java:42");
        assertThat(job.getJsonArray("arguments").getJsonObject(1).getInt("customer"))
                .isEqualTo(42);
        assertThat(job.getJsonArray("graphJobs")).hasSize(2);
        JsonObject dependency = job.getJsonArray("dependencies").getJsonObject(0);
        assertThat(dependency.getString("parent")).isEqualTo(parent.uuid().toString());
        assertThat(dependency.getString("child")).isEqualTo(child.uuid().toString());
    }

    @Test
    void aJobRunningPastItsTimeout_carriesItsOverrun_andOneWithinItsTimeoutNone() {
        String channel = JobRows.uniqueChannel("api-overrun");
        JobRows.Stored late = JobRows.aJobStartedAgo(channel, Duration.ofMinutes(75));
        JobRows.Stored onTime = JobRows.aJobStartedAgo(channel, Duration.ofMinutes(5));

        try {
            JsonObject overrun =
                    Api.asViewer().get("/jobs/" + late.uuid()).json().getJsonObject("overrun");
            assertThat(overrun.getJsonNumber("ranForSeconds").longValue()).isBetween(75 * 60L, 80 * 60L);
            assertThat(overrun.getJsonNumber("timeoutSeconds").longValue()).isEqualTo(3600);
            assertThat(overrun.getString("setting")).isEqualTo("queue-job.job-timeout-seconds");
            assertThat(Api.asViewer().get("/jobs/" + onTime.uuid()).json())
                    .doesNotContainKey("overrun")
                    .containsEntry("state", Json.createValue("started"));
        } finally {
            JobRows.delete(late, onTime);
        }
    }

    @Test
    void servers_listTheLeaderAlive_andAHungServerSilentWithItsRecord() {
        String silent = "api-silent-" + UUID.randomUUID() + "@host/domain";
        int key = 2_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
        JobRows.aServerSilentForFifteenMinutes(silent, key);
        try (HeldLock process = JobRows.livenessLock(key)) {
            List<JsonObject> servers = Api.asViewer().get("/servers").array().stream()
                    .map(JsonValue::asJsonObject)
                    .toList();

            JsonObject fellSilent = servers.stream()
                    .filter(server -> server.getString("name").equals(silent))
                    .findFirst()
                    .orElseThrow();
            assertThat(fellSilent.getString("condition")).isEqualTo("silent");
            assertThat(fellSilent.getBoolean("leader")).isFalse();
            assertThat(fellSilent.getJsonNumber("secondsSinceHeartbeat").doubleValue())
                    .isBetween(900.0, 960.0);
            assertThat(fellSilent.getInt("workers")).isEqualTo(3);
            assertThat(fellSilent.getInt("heldLimit")).isEqualTo(6);
            assertThat(fellSilent.getInt("jobFunctions")).isEqualTo(2);
            assertThat(fellSilent.getJsonNumber("jobsHeld").longValue()).isZero();
            assertThat(servers)
                    .filteredOn(server -> server.getBoolean("leader"))
                    .singleElement()
                    .satisfies(
                            leader -> assertThat(leader.getString("condition")).isEqualTo("alive"))
                    .satisfies(leader -> assertThat(leader.getString("name"))
                            .isEqualTo(JobRows.queryString("SELECT holder FROM queue_job_leader")));
        } finally {
            JobRows.execute("DELETE FROM queue_job_instance WHERE name = ?", silent);
        }
    }

    /**
     * A quiet server gets no new job: one enqueued after the call stays pending, with no worker, for longer than a
     * dispatch takes, and runs once the server takes jobs again. The only server here leads, so the leader's view and
     * the server's own are both proved.
     */
    @Test
    void aQuietServerTakesNoNewJob_untilItTakesJobsAgain_andTheCallsSayWhoAndSince() {
        String server = thisServer();
        Api manager = Api.asManager();
        String email = "quiet-" + UUID.randomUUID() + "@example.org";
        try {
            Api.Reply quiet = manager.post("/servers/quiet", serverBody(server));

            assertThat(quiet.status()).as(quiet.toString()).isEqualTo(200);
            assertThat(quiet.json().getString("name")).isEqualTo(server);
            assertThat(quiet.json().getBoolean("quiet")).isTrue();
            assertThat(quiet.json().getString("quietBy")).isEqualTo("manager");
            String since = JobRows.queryString(
                    "SELECT quiet_since::text FROM queue_job_instance WHERE name = ? AND quiet_by = 'manager'", server);
            assertThat(manager.post("/servers/quiet", serverBody(server)).status())
                    .as("quiet already")
                    .isEqualTo(200);
            assertThat(JobRows.queryString("SELECT quiet_since::text FROM queue_job_instance WHERE name = ?", server))
                    .as("the first time stays")
                    .isEqualTo(since);

            UUID job = UUID.fromString(
                    manager.post("/jobs", "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":[\"" + email + "\"]}")
                            .json()
                            .getString("uuid"));
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> JobRows.queryString(
                                    "SELECT state || ' ' || coalesce(worker, '-') FROM queue_job WHERE uuid = ?::uuid",
                                    job.toString())
                            .equals("pending -"));
            // What it held when it went quiet (sample jobs), it finishes: then it is drained.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> listed(manager, server).getBoolean("drained"));
            JsonObject whileQuiet = manager.get("/job-functions/" + NEWSLETTER).json();
            assertThat(whileQuiet.getInt("serversTakingJobs"))
                    .as("servers taking jobs")
                    .isZero();
            assertThat(whileQuiet.getInt("serversQuiet")).isEqualTo(1);

            Api.Reply resumed = manager.post("/servers/resume", serverBody(server));

            assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
            assertThat(resumed.json().getBoolean("quiet")).isFalse();
            assertThat(resumed.json()).doesNotContainKeys("quietSince", "quietBy");
            JsonObject afterResume = manager.get("/job-functions/" + NEWSLETTER).json();
            assertThat(afterResume.getInt("serversTakingJobs")).isEqualTo(1);
            assertThat(afterResume.getInt("serversQuiet")).isZero();
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () -> assertThat(runOf(job.toString())).isEqualTo("done: Newsletter sent to " + email));
        } finally {
            manager.post("/servers/resume", serverBody(server));
        }
    }

    @Test
    void quietAndResume_ofAServerThatIsNotRunningOrNotThere_areProblemsSayingSo_andChangeNothing() {
        String silent = "api-quiet-silent-" + UUID.randomUUID() + "@host/domain";
        JobRows.aServerSilentForFifteenMinutes(
                silent, 3_000_000 + ThreadLocalRandom.current().nextInt(1_000_000));
        Api manager = Api.asManager();
        try {
            Api.Reply dead = manager.post("/servers/quiet", serverBody(silent));
            assertProblem(dead, 409);
            assertThat(detail(dead))
                    .isEqualTo("Server " + silent + " is ended, not running: there is nothing to make quiet (the leader"
                            + " sends its jobs back to pending).");

            Api.Reply unknown = manager.post("/servers/quiet", serverBody("no-such-server@host/domain"));
            assertProblem(unknown, 404);
            assertThat(detail(unknown))
                    .isEqualTo("No server named no-such-server@host/domain shares this queue: it left, or stopped over"
                            + " a day ago.");
            assertProblem(manager.post("/servers/resume", serverBody("no-such-server@host/domain")), 404);
            Api.Reply unnamed = manager.post("/servers/quiet", "{}");
            assertProblem(unnamed, 400);
            assertThat(detail(unnamed)).startsWith("The body must name the server, as GET /servers lists it");
            assertProblem(manager.post("/servers/quiet", "{\"server\": 7}"), 400);
            assertProblem(manager.post("/servers/quiet", "{\"name\": \"" + silent + "\"}"), 400);
            assertThat(JobRows.count("SELECT count(*) FROM queue_job_instance WHERE quiet_since IS NOT NULL"))
                    .isZero();
        } finally {
            JobRows.execute("DELETE FROM queue_job_instance WHERE name = ?", silent);
        }
    }

    @Test
    void badInput_isA4xxProblemSayingWhatIsWrong_andChangesNothing() {
        String channel = JobRows.uniqueChannel("api-bad");
        JobRows.Stored done = JobRows.aDoneJob(channel, 20).store();
        Api manager = Api.asManager();

        assertProblem(manager.get("/jobs/" + UUID.randomUUID()), 404);
        assertProblem(manager.get("/jobs/not-a-uuid"), 404);
        assertThat(detail(manager.get("/jobs/not-a-uuid"))).isEqualTo("'not-a-uuid' is not a job uuid.");
        assertProblem(manager.get("/jobs?state=sleeping"), 400);
        assertThat(detail(manager.get("/jobs?state=sleeping"))).startsWith("Unknown state 'sleeping'; the states are");
        assertProblem(manager.get("/jobs?sort=colour"), 400);
        assertProblem(manager.get("/jobs?order=sideways"), 400);
        assertProblem(manager.get("/jobs?limit=0"), 400);
        assertProblem(manager.get("/jobs?limit=many"), 400);
        assertProblem(manager.get("/jobs?createdFrom=yesterday"), 400);
        assertProblem(manager.get("/jobs?after=garbage"), 400);
        assertProblem(manager.get("/no-such-route"), 404);
        assertProblem(manager.send("DELETE", "/jobs", "{}", Api.JSON), 405);

        Api.Reply illegal = manager.post("/jobs/" + done.uuid() + "/cancel", "{}");
        assertProblem(illegal, 409);
        assertThat(JobRows.state(done.uuid())).isEqualTo("done");

        assertProblem(manager.patch("/jobs/" + done.uuid(), "{\"priority\": \"high\"}"), 400);
        assertProblem(manager.patch("/jobs/" + done.uuid(), "{not json"), 400);
        Api.Reply notJson =
                manager.send("POST", "/jobs/" + done.uuid() + "/cancel", "x=1", "application/x-www-form-urlencoded");
        assertProblem(notJson, 415);
        assertThat(JobRows.state(done.uuid())).isEqualTo("done");

        Api.Reply inconsistent = manager.put("/channels/" + channel, "{\"capacity\":2,\"sequential\":true}");
        assertProblem(inconsistent, 400);
        assertThat(JobRows.count("SELECT count(*) FROM queue_job_channel WHERE complete_name = ?", channel))
                .isZero();

        Api.Reply pattern = manager.put("/job-functions/" + NEWSLETTER, "{\"retryPattern\":\"{1: sixty}\"}");
        assertProblem(pattern, 400);
        assertThat(detail(pattern)).contains("Retry Pattern");
        assertProblem(manager.post("/bulk-actions", "{\"action\":\"explode\",\"uuids\":[]}"), 400);
        assertProblem(manager.post("/bulk-actions", "{\"action\":\"cancel\"}"), 400);
        assertProblem(manager.post("/bulk-actions", "{\"action\":\"priority\",\"uuids\":[]}"), 400);
    }

    @Test
    void enqueue_ofARegisteredJobFunction_runsIt_andIsCheckedLikeAJavaCall() {
        Api manager = Api.asManager();
        String email = "api-" + UUID.randomUUID() + "@example.org";

        Api.Reply created = manager.post(
                "/jobs", "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":[\"" + email + "\"],\"priority\":4}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String uuid = created.json().getString("uuid");
        assertThat(created.location())
                .hasValueSatisfying(location -> assertThat(location).endsWith("/jobs/" + uuid));
        assertThat(JobRows.queryString(
                        "SELECT job_function || ' ' || priority || ' ' || user_name FROM queue_job"
                                + " WHERE uuid = ?::uuid",
                        uuid))
                .isEqualTo(NEWSLETTER + " 4 manager");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(runOf(uuid)).isEqualTo("done: Newsletter sent to " + email));

        long before = JobRows.count("SELECT count(*) FROM queue_job WHERE job_function LIKE 'org.queuejob.sample.%'"
                + " AND arguments::text LIKE '%refused%'");
        Api.Reply unknown =
                manager.post("/jobs", "{\"function\":\"java.lang.Runtime.exec\",\"arguments\":[\"refused\"]}");
        assertProblem(unknown, 400);
        assertThat(detail(unknown)).startsWith("No job function named 'java.lang.Runtime.exec'");
        Api.Reply arity = manager.post("/jobs", "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":[\"refused\", 2]}");
        assertProblem(arity, 400);
        assertThat(detail(arity)).isEqualTo(NEWSLETTER + "(String) takes 1 argument(s), 2 given.");
        Api.Reply type =
                manager.post("/jobs", "{\"function\":\"" + INVENTORY + "\",\"arguments\":[\"refused\", [\"a\"]]}");
        assertProblem(type, 400);
        assertThat(detail(type))
                .isEqualTo("Argument 1 of " + INVENTORY + "(int, List<String>) must be a whole number, not the text"
                        + " \"refused\".");
        // Read by JSON-B, not by the plain types' check: its refusal said JSON-B's words.
        String report = "org.queuejob.sample.SampleJobs.buildReport";
        Api.Reply date = manager.post(
                "/jobs",
                "{\"function\":\"" + report + "\",\"arguments\":[\"refused\", {\"format\":\"pdf\",\"regions\":[]}]}");
        assertProblem(date, 400);
        assertThat(detail(date))
                .isEqualTo("Argument 1 of " + report + "(LocalDate, ReportRequest) must be a LocalDate, not the text"
                        + " \"refused\".");
        Api.Reply nullPrimitive =
                manager.post("/jobs", "{\"function\":\"" + INVENTORY + "\",\"arguments\":[null, [\"refused\"]]}");
        assertProblem(nullPrimitive, 400);
        assertThat(detail(nullPrimitive))
                .isEqualTo("Argument 1 of " + INVENTORY + "(int, List<String>) cannot be" + " null: its type is int.");
        assertProblem(manager.post("/jobs", "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":{\"a\":1}}"), 400);
        assertProblem(manager.post("/jobs", "{\"arguments\":[\"refused\"]}"), 400);
        // A blank channel was stored as root (over the function's root.mail), a padded one stripped, both with a 201.
        Api.Reply blankChannel = manager.post(
                "/jobs", "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":[\"refused\"],\"channel\":\"  \"}");
        assertProblem(blankChannel, 400);
        assertThat(detail(blankChannel)).startsWith("A channel cannot be blank");
        Api.Reply paddedChannel = manager.post(
                "/jobs",
                "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":[\"refused\"],\"channel\":\" root.mail\"}");
        assertProblem(paddedChannel, 400);
        assertThat(detail(paddedChannel)).contains("has spaces around it");
        assertThat(JobRows.count("SELECT count(*) FROM queue_job WHERE job_function LIKE 'org.queuejob.sample.%'"
                        + " AND arguments::text LIKE '%refused%'"))
                .isEqualTo(before);
    }

    @Test
    void anEtaPastTheYear9999_isRefusedWithTheRule_onEnqueueAndOnEdit_andNothingChanges() {
        Api manager = Api.asManager();
        String marker = "far-eta-" + UUID.randomUUID();
        String rule = "An eta is a moment from the year 1 to the year 9999 (UTC)";

        // Past PostgreSQL's timestamptz (294276 AD): the commit failed after the job was taken as valid.
        Api.Reply enqueued = manager.post(
                "/jobs",
                "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":[\"" + marker + "@example.org\"],\"description\":\""
                        + marker + "\",\"eta\":\"+300000-01-01T00:00:00Z\"}");
        assertProblem(enqueued, 400);
        assertThat(detail(enqueued)).isEqualTo(rule + ", not +300000-01-01T00:00:00Z.");
        assertThat(JobRows.count("SELECT count(*) FROM queue_job WHERE description = ?", marker))
                .isZero();

        JobRows.Stored job = JobRows.aJob(JobRows.uniqueChannel("api-far-eta")).store();
        Api.Reply edited = manager.patch("/jobs/" + job.uuid(), "{\"priority\":3,\"eta\":\"+10000-01-01T00:00:00Z\"}");
        assertProblem(edited, 400);
        assertThat(detail(edited)).isEqualTo(rule + ", not +10000-01-01T00:00:00Z.");
        assertThat(JobRows.queryString(
                        "SELECT priority || ' ' || coalesce(eta::text, 'no eta') FROM queue_job WHERE uuid = ?::uuid",
                        job.uuid().toString()))
                .as("neither the eta nor the priority sent with it")
                .isEqualTo("10 no eta");
    }

    /** The list's query failed on PostgreSQL's range (a 500) instead of finding no job. */
    @Test
    void aCreationDatePastTheYear9999_inTheListOrABulkFilter_isRefusedWithTheRange_andNoBulkActionStarts() {
        Api manager = Api.asManager();
        String channel = JobRows.uniqueChannel("api-far-created");
        String range = "The creation dates to filter on are from the year 1 to the end of the year 9999 (UTC), not"
                + " +300000-01-01T00:00:00Z.";

        Api.Reply listed = manager.get("/jobs?createdFrom=%2B300000-01-01T00:00:00Z");
        assertProblem(listed, 400);
        assertThat(detail(listed)).isEqualTo(range);

        Api.Reply bulk = manager.post(
                "/bulk-actions",
                "{\"action\":\"cancel\",\"filter\":{\"channel\":\"" + channel
                        + "\",\"createdFrom\":\"+300000-01-01T00:00:00Z\"}}");
        assertProblem(bulk, 400);
        assertThat(detail(bulk)).isEqualTo(range);
        assertThat(JobRows.count(
                        "SELECT count(*) FROM queue_job_bulk_action WHERE filter_text LIKE ?", "%" + channel + "%"))
                .isZero();
    }

    @Test
    void aJobTheDatabaseRefusesWhenTheRequestCommits_isAProblemWithAnIncident_notAnEmpty500() {
        String marker = "refused-at-commit-" + UUID.randomUUID();
        String function = "refuse_" + marker.replace('-', '_');
        // The job's row is written when the request's transaction commits: a trigger refuses this one row there.
        JobRows.execute("CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " RAISE EXCEPTION 'refused by the test'; END $$");
        JobRows.execute("CREATE TRIGGER " + function + " BEFORE INSERT ON queue_job FOR EACH ROW WHEN"
                + " (NEW.description = '" + marker + "') EXECUTE FUNCTION " + function + "()");
        try {
            Api.Reply refused = Api.asManager()
                    .post(
                            "/jobs",
                            "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":[\"" + marker
                                    + "@example.org\"],\"description\":\"" + marker + "\"}");

            assertProblem(refused, 500);
            assertThat(detail(refused))
                    .startsWith("The server could not complete this request; it logged the failure as incident ");
        } finally {
            JobRows.execute("DROP TRIGGER " + function + " ON queue_job");
            JobRows.execute("DROP FUNCTION " + function + "()");
        }
        assertThat(JobRows.count("SELECT count(*) FROM queue_job WHERE description = ?", marker))
                .isZero();
    }

    @Test
    void aValueTheQueueWouldStoreAsAnother_orAMisspeltField_isRefusedNamingIt_andNothingIsStored() {
        Api manager = Api.asManager();
        String marker = "lossy-" + UUID.randomUUID();
        String email = "\"" + marker + "@example.org\"";

        // JSON-B alone stored these as 1215752191, 1 and the default priority, and answered 201.
        Api.Reply overflow = manager.post(
                "/jobs",
                "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":[" + email + "],\"priority\":99999999999}");
        assertProblem(overflow, 400);
        assertThat(detail(overflow))
                .isEqualTo("priority must be a whole number from -2147483648 to 2147483647, not 99999999999.");
        Api.Reply fraction = manager.post(
                "/jobs", "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":[" + email + "],\"priority\":1.5}");
        assertThat(detail(fraction)).isEqualTo("priority must be a whole number, not 1.5.");
        Api.Reply misspelt = manager.post(
                "/jobs", "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":[" + email + "],\"prority\":1}");
        assertProblem(misspelt, 400);
        assertThat(detail(misspelt)).startsWith("The body has a field this operation does not take: 'prority'.");

        // Arguments: JSON-B read the number 7 as the text "7" and cut 2.5 to 2 (an int too large it refused).
        Api.Reply numberForText = manager.post(
                "/jobs", "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":[7],\"description\":\"" + marker + "\"}");
        assertProblem(numberForText, 400);
        assertThat(detail(numberForText))
                .isEqualTo("Argument 1 of " + NEWSLETTER + "(String) must be text (a JSON string), not the number 7.");
        Api.Reply cut =
                manager.post("/jobs", "{\"function\":\"" + INVENTORY + "\",\"arguments\":[2.5,[\"" + marker + "\"]]}");
        assertProblem(cut, 400);
        assertThat(detail(cut))
                .isEqualTo("Argument 1 of " + INVENTORY + "(int, List<String>) would be stored as 2, not as the 2.5"
                        + " given: send it as its parameter's type reads it.");
        Api.Reply overflowing = manager.post(
                "/jobs", "{\"function\":\"" + INVENTORY + "\",\"arguments\":[4294967303,[\"" + marker + "\"]]}");
        assertProblem(overflowing, 400);
        assertThat(detail(overflowing)).contains("4294967303, which a parameter of type int cannot hold");
        Api.Reply exponent =
                manager.post("/jobs", "{\"function\":\"" + INVENTORY + "\",\"arguments\":[1e0,[\"" + marker + "\"]]}");
        assertThat(exponent.status())
                .as("1e0 is the whole number 1: " + exponent)
                .isEqualTo(201);

        assertThat(JobRows.count(
                        "SELECT count(*) FROM queue_job WHERE arguments::text LIKE ? OR description = ?",
                        "%" + marker + "%",
                        marker))
                .as("only the job whose arguments are stored as given")
                .isEqualTo(1);

        String channel = JobRows.uniqueChannel("api-lossy");
        Api.Reply capacity = manager.put("/channels/" + channel, "{\"capacity\":3.7}");
        assertProblem(capacity, 400);
        assertThat(detail(capacity)).isEqualTo("capacity must be a whole number, not 3.7.");
        assertThat(detail(manager.put("/channels/" + channel, "{\"capacity\":\"3\"}")))
                .isEqualTo("capacity must be a whole number, not the text \"3\".");
        assertThat(detail(manager.put("/channels/" + channel, "{\"capacity\":100001}")))
                .as("the Channels screen's range")
                .isEqualTo("The capacity is a whole number from 0 to 100,000, not 100,001.");
        assertThat(detail(manager.put("/channels/" + channel, "{\"throttleSeconds\":86401}")))
                .startsWith("The throttle is a whole number of seconds from 0 to 86,400");
        assertThat(JobRows.count("SELECT count(*) FROM queue_job_channel WHERE complete_name = ?", channel))
                .isZero();
        Api.Reply interval = manager.put("/channels/" + channel, "{\"capacity\":5,\"removalIntervalDays\":40000}");
        assertProblem(interval, 400);
        assertThat(JobRows.count("SELECT count(*) FROM queue_job_channel WHERE complete_name = ?", channel))
                .as("the capacity was stored before the interval was refused")
                .isZero();
        Api.Reply priority = manager.post(
                "/jobs", "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":[" + email + "],\"priority\":-5}");
        assertProblem(priority, 400);
        assertThat(detail(priority))
                .as("the job page's and recurring jobs' range")
                .isEqualTo("The priority is a whole number from 0 to 1,000,000 (smaller runs first), not -5.");
        assertThat(detail(manager.put("/channels/" + channel, ""))).startsWith("The body is empty: send a JSON object");
        assertThat(detail(manager.put("/channels/" + channel, "{\"capacity\": 2,")))
                .startsWith("The body is not valid JSON: it goes wrong at line 1");
        // PostgreSQL cannot store a NUL in text: each of these was a 500 (an incident in the log), two without a body.
        Api.Reply nulArgument = manager.post(
                "/jobs", "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":[\"" + marker + "\\u0000\"]}");
        assertProblem(nulArgument, 400);
        assertThat(detail(nulArgument)).contains("U+0000 (NUL)");
        Api.Reply nulDescription = manager.post(
                "/jobs",
                "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":[" + email + "],\"description\":\"a\\u0000\"}");
        assertThat(detail(nulDescription)).startsWith("description cannot contain the character U+0000 (NUL)");
        // Half a character, sent as a JSON escape: the driver would have stored "?" in its place.
        Api.Reply halfArgument = manager.post(
                "/jobs", "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":[\"" + marker + "\\ud83d\"]}");
        assertProblem(halfArgument, 400);
        assertThat(detail(halfArgument))
                .contains("half of a character (the UTF-16 surrogate U+D83D without its other half)");
        Api.Reply halfDescription = manager.post(
                "/jobs",
                "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":[" + email + "],\"description\":\"" + marker
                        + "\\ude00\"}");
        assertThat(detail(halfDescription)).startsWith("description cannot contain half of a character");
        Api.Reply nulSearch = manager.get("/jobs?q=a%00b");
        assertProblem(nulSearch, 400);
        assertThat(detail(nulSearch)).startsWith("The query parameter q cannot contain the character U+0000");
        Api.Reply nested = manager.post(
                "/jobs",
                "{\"function\":\"" + NEWSLETTER + "\",\"arguments\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertProblem(nested, 400);
        assertThat(JobRows.count(
                        "SELECT count(*) FROM queue_job WHERE arguments::text LIKE ? OR description = ?",
                        "%" + marker + "%",
                        marker))
                .as("still only the job whose arguments are stored as given")
                .isEqualTo(1);
        Api.Reply recurring = manager.get("/recurring-jobs/abc");
        assertProblem(recurring, 404);
        assertThat(detail(recurring))
                .isEqualTo("'abc' is not a recurring job id: ids are whole numbers (see GET recurring-jobs).");
    }

    @Test
    void paging_through10000Jobs_whileTheyChangeState_givesEachJobExactlyOnce() throws Exception {
        String channel = JobRows.uniqueChannel("api-paging");
        JobRows.insertMany(10_000, channel, "pending");
        List<String> seen = new ArrayList<>();
        int pages = 0;
        String next = "/jobs?channel=" + URLEncoder.encode(channel, StandardCharsets.UTF_8) + "&limit=500";
        Api viewer = Api.asViewer();
        while (next != null) {
            Api.Reply page = viewer.get(next);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonObject json = page.json();
            json.getJsonArray("items")
                    .forEach(item -> seen.add(item.asJsonObject().getString("uuid")));
            next = json.containsKey("nextUrl") && json.get("nextUrl") != JsonValue.NULL
                    ? json.getString("nextUrl")
                    : null;
            // Between every two pages a thirteenth of the jobs change state and priority, jobs on pages already
            // read and on pages still to come alike (a thread racing the reads did not always get a change in).
            JobRows.execute(
                    "UPDATE queue_job SET state = CASE state WHEN 'pending' THEN 'failed'"
                            + " WHEN 'failed' THEN 'cancelled' ELSE 'pending' END, priority = priority + 1"
                            + " WHERE channel = ? AND id % 13 = ?",
                    channel, (long) (pages % 13));
            pages++;
        }
        Set<String> distinct = new HashSet<>(seen);
        assertThat(seen).hasSize(10_000);
        assertThat(distinct).hasSize(10_000);
        assertThat(pages).isEqualTo(20);
        assertThat(JobRows.count(
                        "SELECT count(*) FROM queue_job WHERE channel = ? AND uuid::text = ANY (?)",
                        channel,
                        distinct.toArray(String[]::new)))
                .isEqualTo(10_000);
    }

    @Test
    void bulkAction_onAFilter_runsInTheBackground_withAProgressAddress() {
        String channel = JobRows.uniqueChannel("api-bulk");
        JobRows.insertMany(450, channel, "failed");
        JobRows.aJob(channel).store();
        Api manager = Api.asManager();

        Api.Reply started = manager.post(
                "/bulk-actions",
                "{\"action\":\"cancel\",\"filter\":{\"channel\":\"" + channel + "\",\"states\":[\"failed\"]}}");

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String progressUrl = started.json().getString("progressUrl");
        assertThat(started.location()).contains(progressUrl);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonObject progress = manager.get(progressUrl).json();
            assertThat(progress.getBoolean("finished")).isTrue();
            assertThat(progress.getInt("total")).isEqualTo(450);
            assertThat(progress.getInt("changed")).isEqualTo(450);
            assertThat(progress.getInt("percent")).isEqualTo(100);
        });
        assertThat(JobRows.count(
                        "SELECT count(*) FROM queue_job WHERE channel = ? AND state = 'cancelled'"
                                + " AND result = 'Cancelled by manager'",
                        channel))
                .isEqualTo(450);
        assertThat(JobRows.count("SELECT count(*) FROM queue_job WHERE channel = ? AND state = 'pending'", channel))
                .isEqualTo(1);
        assertThat(Api.asViewer().get(progressUrl).status()).isEqualTo(200);
    }

    /**
     * One server's jobs: the list narrowed to a worker shows its jobs only, and a bulk action on that filter changes
     * them only (a filter that lost the server on its way to the batch job would change the other server's too).
     */
    @Test
    void aServersJobs_areListedAndBulkChangedByItsName_andNoOtherServersJobs() {
        String channel = JobRows.uniqueChannel("api-worker");
        String one = "api-one-" + UUID.randomUUID() + "@host/domain";
        String other = "api-other-" + UUID.randomUUID() + "@host/domain";
        JobRows.Stored oneFailed = JobRows.aFailedJob(channel, "java.io.IOException", "Disk full")
                .worker(one)
                .store();
        JobRows.Stored otherFailed = JobRows.aFailedJob(channel, "java.io.IOException", "Disk full")
                .worker(other)
                .store();
        Api manager = Api.asManager();

        JsonObject list = Api.asViewer()
                .get("/jobs?channel=" + channel + "&worker=" + URLEncoder.encode(one, StandardCharsets.UTF_8))
                .json();
        assertThat(list.getJsonArray("items").stream()
                        .map(item -> item.asJsonObject().getString("uuid"))
                        .toList())
                .containsExactly(oneFailed.uuid().toString());

        Api.Reply started = manager.post(
                "/bulk-actions",
                "{\"action\":\"cancel\",\"filter\":{\"channel\":\"" + channel + "\",\"worker\":\"" + one + "\"}}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().getString("filter")).contains("server " + one);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> manager.get(started.json().getString("progressUrl"))
                        .json()
                        .getBoolean("finished"));
        assertThat(JobRows.state(oneFailed.uuid())).isEqualTo("cancelled");
        assertThat(JobRows.state(otherFailed.uuid()))
                .as("the other server's job")
                .isEqualTo("failed");
    }

    @Test
    void channels_listCountsAndChange_pauseAndResume() {
        String channel = JobRows.uniqueChannel("api-channel");
        JobRows.aJob(channel).store(4);
        JobRows.aFailedJob(channel, "java.io.IOException", "x").store();
        Api manager = Api.asManager();

        JsonObject listed = manager.get("/channels").array().stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals(channel))
                .findFirst()
                .orElseThrow();
        assertThat(listed.getInt("waiting")).isEqualTo(4);
        assertThat(listed.getInt("failed")).isEqualTo(1);
        assertThat(listed.getBoolean("configured")).isFalse();

        Api.Reply configured = manager.put(
                "/channels/" + channel, "{\"capacity\":3,\"throttleSeconds\":2," + "\"removalIntervalDays\":9}");
        assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
        assertThat(JobRows.queryString(
                        "SELECT capacity || ' ' || throttle_seconds || ' ' || removal_interval_days"
                                + " FROM queue_job_channel WHERE complete_name = ?",
                        channel))
                .isEqualTo("3 2 9");

        assertThat(manager.post("/channels/" + channel + "/pause", "{}").json().getBoolean("paused"))
                .isTrue();
        assertThat(JobRows.queryString("SELECT paused FROM queue_job_channel WHERE complete_name = ?", channel))
                .isEqualTo("true");
        assertThat(manager.post("/channels/" + channel + "/resume", "{}").json().getBoolean("paused"))
                .isFalse();
        assertThat(JobRows.queryString("SELECT paused FROM queue_job_channel WHERE complete_name = ?", channel))
                .isEqualTo("false");
        assertProblem(manager.post("/channels/root.no-such-" + UUID.randomUUID() + "/pause", "{}"), 404);
    }

    @Test
    void jobFunctions_listAndChange_blankRestoresTheDefault() {
        Api manager = Api.asManager();
        assertThat(manager.get("/job-functions").array().stream()
                        .map(f -> f.asJsonObject().getString("name")))
                .contains(NEWSLETTER, INVENTORY);

        Api.Reply changed = manager.put("/job-functions/" + INVENTORY, "{\"retryPattern\":\"{1: 30, 3: 90}\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getString("retryPattern")).isEqualTo("{1: 30, 3: 90}");
        assertThat(JobRows.queryString("SELECT retry_pattern FROM queue_job_function WHERE name = ?", INVENTORY))
                .isEqualTo("{1: 30, 3: 90}");

        Api.Reply restored = manager.put("/job-functions/" + INVENTORY, "{\"retryPattern\":\"\"}");
        assertThat(restored.json().containsKey("editedRetryPattern")).isFalse();
        assertProblem(manager.get("/job-functions/no.such.Function"), 404);
    }

    @Test
    void backOfficeSessionCookie_carriesNoCall_soNoPageOfAnotherSiteCanChangeAnything() {
        String channel = JobRows.uniqueChannel("api-csrf");
        JobRows.Stored job =
                JobRows.aFailedJob(channel, "java.io.IOException", "Disk full").store();
        Api browser = Api.withBackOfficeSession(
                System.getProperty("queuejob.manager.user"), System.getProperty("queuejob.manager.password"));
        Api.Reply backOffice = browser.send("GET", Api.base() + "/jobs.xhtml", null, null);
        assertThat(backOffice.status()).isEqualTo(200);
        assertThat(backOffice.body()).as("signed in to the back office").contains("currentUser");

        // Payara restores the back-office principal on the API's paths: reads may use it (another site cannot read
        // the answer), changes may not.
        assertThat(browser.get("/jobs/" + job.uuid()).status()).isIn(200, 401);
        Api.Reply forged = browser.post("/jobs/" + job.uuid() + "/cancel", "{}");

        assertThat(forged.status()).isIn(401, 403);
        assertProblem(forged, forged.status());
        assertThat(detail(forged)).containsAnyOf("CSRF", "credentials");
        assertThat(JobRows.state(job.uuid())).isEqualTo("failed");
    }
}
