package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.queuejob.it.web.ApiIT.assertProblem;
import static org.queuejob.it.web.ApiIT.detail;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.it.support.DeployedDemoEar;

/**
 * The API writes what it is given and nothing else, and refuses what it would otherwise resolve silently: a channel
 * name with a space, a field the request did not give, a repeated parameter or key, a body in another charset, uuids
 * of no job, another name for a recurring job, a tampered cursor.
 */
@ExtendWith(DeployedDemoEar.class)
class ApiEditsIT {

    private final Api manager = Api.asManager();

    @Test
    void aChannelNameWithATrailingSpace_isRefused_andTheChannelKeepsItsSettings() {
        String channel = JobRows.uniqueChannel("api-space");
        assertThat(manager.put("/channels/" + channel, "{\"capacity\":5,\"throttleSeconds\":10}")
                        .status())
                .isEqualTo(200);

        Api.Reply spaced = manager.put("/channels/" + channel + "%20", "{\"removalIntervalDays\":7}");

        assertProblem(spaced, 400);
        assertThat(detail(spaced))
                .isEqualTo("The channel name '" + channel + " ' has spaces around it: give the name"
                        + " alone, e.g. root.mail.");
        assertThat(settings(channel)).isEqualTo("5 10 30");
    }

    @Test
    void aPutGivingOneField_writesOnlyIt_andANewChannelWithoutCapacityIsUnlimitedAsOnTheScreen() {
        String channel = JobRows.uniqueChannel("api-partial");
        assertThat(manager.put("/channels/" + channel, "{\"removalIntervalDays\":7}")
                        .status())
                .isEqualTo(200);
        assertThat(settings(channel)).as("no capacity of its own: unlimited").isEqualTo("unlimited 0 7");

        assertThat(manager.put("/channels/" + channel, "{\"capacity\":5,\"throttleSeconds\":10}")
                        .status())
                .isEqualTo(200);
        // Someone else changes the throttle; this request gives the interval only.
        JobRows.execute("UPDATE queue_job_channel SET throttle_seconds = 20 WHERE complete_name = ?", channel);
        assertThat(manager.put("/channels/" + channel, "{\"removalIntervalDays\":9}")
                        .status())
                .isEqualTo(200);

        assertThat(settings(channel)).isEqualTo("5 20 9");
    }

    @Test
    void aPatchOfThePriority_leavesTheEtaAsStored_toTheMicrosecond() {
        JobRows.Stored job = JobRows.aJob(JobRows.uniqueChannel("api-eta")).store();
        JobRows.execute(
                "UPDATE queue_job SET eta = ? WHERE id = ?",
                Timestamp.from(Instant.parse("2031-05-04T14:30:45.123456Z")),
                job.id());

        assertThat(manager.patch("/jobs/" + job.uuid(), "{\"priority\":3}").status())
                .isEqualTo(200);

        assertThat(JobRows.queryString(
                        "SELECT priority || ' ' || to_char(eta AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
                                + " FROM queue_job WHERE id = ?",
                        job.id()))
                .isEqualTo("3 2031-05-04 14:30:45.123456");
        Api.Reply spaced = manager.patch("/jobs/" + job.uuid(), "{\"channel\":\" root.mail\"}");
        assertProblem(spaced, 400);
        assertThat(detail(spaced)).startsWith("The channel ' root.mail' has spaces around it");
    }

    @Test
    void repeatedParametersAndKeys_anotherCharset_andANumberThatIsNot_areRefusedNamingThem() {
        Api.Reply twice = manager.get("/jobs?channel=root.a&channel=root.b");
        assertProblem(twice, 400);
        assertThat(detail(twice)).isEqualTo("The query parameter channel is given 2 times; it takes one value.");
        assertThat(manager.get("/jobs?state=pending&state=failed").status())
                .as("states repeat")
                .isEqualTo(200);

        UUID job = JobRows.aJob(JobRows.uniqueChannel("api-dup")).store().uuid();
        Api.Reply duplicate = manager.post(
                "/bulk-actions", "{\"action\":\"cancel\",\"action\":\"requeue\",\"uuids\":[\"" + job + "\"]}");
        assertProblem(duplicate, 400);
        assertThat(detail(duplicate)).startsWith("The body gives the key 'action' twice in one object");
        assertThat(JobRows.state(job)).isEqualTo("pending");

        Api.Reply latin1 = manager.send(
                "PUT",
                "/channels/" + JobRows.uniqueChannel("api-charset"),
                "{\"capacity\":2}",
                "application/json; charset=ISO-8859-1");
        assertProblem(latin1, 400);
        assertThat(detail(latin1)).startsWith("The body is declared as charset ISO-8859-1");

        Api.Reply limit = manager.get("/bulk-actions?limit=abc");
        assertProblem(limit, 400);
        assertThat(detail(limit)).isEqualTo("limit must be a whole number, not 'abc'.");
    }

    @Test
    void aBulkActionNamingAUuidOfNoJob_isRefusedNamingIt_andNothingStarts() {
        UUID job = JobRows.aJob(JobRows.uniqueChannel("api-bulk-uuids")).store().uuid();
        UUID none = UUID.randomUUID();

        Api.Reply reply =
                manager.post("/bulk-actions", "{\"action\":\"cancel\",\"uuids\":[\"" + job + "\",\"" + none + "\"]}");

        assertProblem(reply, 400);
        assertThat(detail(reply)).startsWith("1 of the given uuids is no job: " + none + ". Nothing was started");
        assertThat(JobRows.state(job)).isEqualTo("pending");
    }

    @Test
    void aRecurringJobsNameCannotChange_andATamperedCursorIsNotOneThisApiGave() {
        String name = "api-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = manager.post("/recurring-jobs", recurring(name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().getJsonNumber("id").longValue();

        Api.Reply renamed = manager.put("/recurring-jobs/" + id, recurring(name + "-2"));

        assertProblem(renamed, 400);
        assertThat(detail(renamed)).isEqualTo("The name of a recurring job cannot change (was " + name + ").");
        assertProblem(manager.post("/recurring-jobs", recurring(" " + name + "-3")), 400);
        assertThat(manager.send("DELETE", "/recurring-jobs/" + id, "{}", Api.JSON)
                        .status())
                .isEqualTo(204);

        String withNul = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("c1|CHANNEL|a|1|=root\u0000x".getBytes(StandardCharsets.UTF_8));
        Api.Reply cursor = manager.get("/jobs?sort=channel&order=asc&after=" + withNul);
        assertProblem(cursor, 400);
        assertThat(detail(cursor)).startsWith("The cursor is not one this API gave");
    }

    private static String recurring(String name) {
        return "{\"name\":\"" + name + "\",\"cron\":\"0 0 6 * * *\",\"zone\":\"UTC\",\"function\":\"" + ApiIT.NEWSLETTER
                + "\",\"arguments\":[\"a@b.c\"]}";
    }

    /**
     * POST creates a channel's record once (a second is a 400 naming it), with the removal interval it inherits when
     * none is given; DELETE removes it (204), and then has nothing to delete (404); root is never deleted (400); a
     * channel the demo's queue-job.channels names gets back its entry's settings (200 with the channel); a viewer
     * does neither (403).
     */
    @Test
    void aPostCreatesAChannelOnce_aDeleteRemovesItsRecord_andRootAndDeclaredChannelsAreKept() {
        String channel = JobRows.uniqueChannel("api-create");
        String body = "{\"name\":\"" + channel + "\",\"capacity\":3,\"throttleSeconds\":2}";
        String rootDays = JobRows.queryString(
                "SELECT removal_interval_days::text FROM queue_job_channel WHERE complete_name = 'root'");

        Api.Reply created = manager.post("/channels", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.location()).hasValueSatisfying(url -> assertThat(url).endsWith("/channels/" + channel));
        assertThat(created.json().getString("name")).isEqualTo(channel);
        assertThat(created.json().getBoolean("configured")).isTrue();
        assertThat(settings(channel)).isEqualTo("3 2 " + rootDays);

        Api.Reply again = manager.post("/channels", body);
        assertProblem(again, 400);
        assertThat(detail(again))
                .isEqualTo("Channel " + channel + " exists already, with settings of its own: change them instead of"
                        + " creating it again.");
        Api.Reply spaced = manager.post("/channels", "{\"name\":\"" + channel + ".x \"}");
        assertProblem(spaced, 400);
        assertThat(detail(spaced)).contains("has spaces around it");

        assertProblem(Api.asViewer().post("/channels", "{\"name\":\"" + channel + ".v\"}"), 403);
        assertProblem(Api.asViewer().send("DELETE", "/channels/" + channel, null, null), 403);
        assertThat(settings(channel)).isEqualTo("3 2 " + rootDays);

        Api.Reply deleted = manager.send("DELETE", "/channels/" + channel, null, null);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(JobRows.count("SELECT count(*) FROM queue_job_channel WHERE complete_name = ?", channel))
                .isZero();
        assertProblem(manager.send("DELETE", "/channels/" + channel, null, null), 404);

        Api.Reply root = manager.send("DELETE", "/channels/root", null, null);
        assertProblem(root, 400);
        assertThat(detail(root))
                .isEqualTo("The root channel cannot be deleted: every job runs under it. Change its settings instead.");

        assertThat(manager.put("/channels/root.shipping", "{\"removalIntervalDays\":11}")
                        .status())
                .isEqualTo(200);
        Api.Reply reset = manager.send("DELETE", "/channels/root.shipping", null, null);
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(reset.json().getInt("capacity")).isEqualTo(1);
        assertThat(reset.json().getBoolean("sequential")).isTrue();
        assertThat(settings("root.shipping")).isEqualTo("1 0 " + rootDays);
    }

    private static String settings(String channel) {
        return JobRows.queryString(
                "SELECT coalesce(capacity::text, 'unlimited') || ' ' || throttle_seconds || ' ' || removal_interval_days"
                        + " FROM queue_job_channel WHERE complete_name = ?",
                channel);
    }
}
