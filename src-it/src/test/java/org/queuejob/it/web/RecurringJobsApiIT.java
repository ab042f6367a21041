package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.it.support.DeployedDemoEar;

/** The API's recurring jobs: a manager creates, runs, disables and deletes; bad input is a 400 naming it. */
@ExtendWith(DeployedDemoEar.class)
class RecurringJobsApiIT {

    private static String body(String name, String cron, String zone, String arguments) {
        return "{\"name\":\"" + name + "\",\"cron\":\"" + cron + "\",\"zone\":\"" + zone + "\",\"function\":\""
                + ApiIT.NEWSLETTER + "\",\"arguments\":" + arguments + "}";
    }

    @Test
    void manager_createsRunsDisablesAndDeletes_andAViewerOnlyReads() {
        Api manager = Api.asManager();
        String name = "api-" + UUID.randomUUID().toString().substring(0, 8);

        Api.Reply created =
                manager.post("/recurring-jobs", body(name, "0 0 6 * * MON-FRI", "Europe/Brussels", "[\"a@b.c\"]"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject job = created.json();
        long id = job.getJsonNumber("id").longValue();
        assertThat(job.getString("cron")).isEqualTo("0 0 6 * * MON-FRI");
        assertThat(job.getString("origin")).isEqualTo("BACK_OFFICE");
        assertThat(job.getBoolean("allowOverlap"))
                .as("absent: runs do not overlap")
                .isFalse();
        assertThat(job.getString("nextRun")).isNotBlank();
        assertThat(created.location()).hasValueSatisfying(url -> assertThat(url).endsWith("/recurring-jobs/" + id));

        Api.Reply ran = manager.post("/recurring-jobs/" + id + "/run", "{}");
        assertThat(ran.status()).as(ran.toString()).isEqualTo(201);
        String uuid = ran.json().getString("uuid");
        assertThat(manager.get("/jobs/" + uuid).json().getString("description"))
                .isEqualTo(name + " · run now by manager");

        Api viewer = Api.asViewer();
        assertThat(viewer.get("/recurring-jobs/" + id).json().getString("lastJob"))
                .isEqualTo(uuid);
        for (String[] route : new String[][] {
            {"POST", "/recurring-jobs", body(name + "-v", "0 0 6 * * *", "UTC", "[\"a@b.c\"]")},
            {"PUT", "/recurring-jobs/" + id, body(name, "0 0 7 * * *", "UTC", "[\"a@b.c\"]")},
            {"POST", "/recurring-jobs/" + id + "/run", "{}"},
            {"POST", "/recurring-jobs/" + id + "/disable", "{}"},
            {"POST", "/recurring-jobs/" + id + "/enable", "{}"},
            {"DELETE", "/recurring-jobs/" + id, "{}"}
        }) {
            ApiIT.assertProblem(viewer.send(route[0], route[1], route[2], Api.JSON), 403);
            // Anonymous as ApiIT sends it: a DELETE without a body (the server answers a body-carrying one before it
            // authenticates).
            boolean delete = route[0].equals("DELETE");
            ApiIT.assertProblem(
                    Api.anonymous().send(route[0], route[1], delete ? null : route[2], delete ? null : Api.JSON), 401);
        }
        JsonObject unchanged = manager.get("/recurring-jobs/" + id).json();
        assertThat(unchanged.getString("cron")).isEqualTo("0 0 6 * * MON-FRI");
        assertThat(unchanged.getString("lastJob")).isEqualTo(uuid);
        assertThat(unchanged.getBoolean("enabled")).isTrue();
        ApiIT.assertProblem(Api.anonymous().get("/recurring-jobs"), 401);

        JsonObject disabled =
                manager.post("/recurring-jobs/" + id + "/disable", "{}").json();
        assertThat(disabled.getBoolean("enabled")).isFalse();
        assertThat(disabled.containsKey("nextRun")).isFalse();

        assertThat(manager.send("DELETE", "/recurring-jobs/" + id, "{}", Api.JSON)
                        .status())
                .isEqualTo(204);
        ApiIT.assertProblem(manager.get("/recurring-jobs/" + id), 404);
    }

    @Test
    void aPutGivingOnlyCronFunctionAndArguments_keepsTheZone_andADisabledRecordDisabled() {
        Api manager = Api.asManager();
        String name = "api-keep-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created =
                manager.post("/recurring-jobs", body(name, "0 0 6 * * *", "Europe/Brussels", "[\"a@b.c\"]"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().getJsonNumber("id").longValue();
        assertThat(manager.post("/recurring-jobs/" + id + "/disable", "{}")
                        .json()
                        .getBoolean("enabled"))
                .isFalse();

        // What a client sends that changes the schedule only: the zone and the disable are not its to undo (it
        // answered 200 with the zone Z, firing at 07:00 UTC, and the record enabled again).
        Api.Reply changed = manager.put(
                "/recurring-jobs/" + id,
                "{\"cron\":\"0 0 7 * * *\",\"function\":\"" + ApiIT.NEWSLETTER + "\",\"arguments\":[\"a@b.c\"]}");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        for (JsonObject job : new JsonObject[] {
            changed.json(), manager.get("/recurring-jobs/" + id).json()
        }) {
            assertThat(job.getString("cron")).isEqualTo("0 0 7 * * *");
            assertThat(job.getString("zone")).isEqualTo("Europe/Brussels");
            assertThat(job.getString("missed")).isEqualTo("SKIP");
            assertThat(job.getBoolean("enabled")).isFalse();
            assertThat(job.containsKey("nextRun")).isFalse();
        }

        // null keeps a field, as PUT /channels does; an empty zone is UTC again.
        Api.Reply utc = manager.put("/recurring-jobs/" + id, "{\"zone\":\"\",\"enabled\":null}");
        assertThat(utc.status()).as(utc.toString()).isEqualTo(200);
        assertThat(utc.json().getString("zone")).isEqualTo("Z");
        assertThat(utc.json().getBoolean("enabled")).isFalse();
        assertThat(utc.json().getString("cron")).isEqualTo("0 0 7 * * *");

        assertThat(manager.send("DELETE", "/recurring-jobs/" + id, "{}", Api.JSON)
                        .status())
                .isEqualTo(204);
    }

    @Test
    void malformedCronUnknownZoneAndWrongArguments_are400sNamingThem() {
        Api manager = Api.asManager();
        String name = "api-bad-" + UUID.randomUUID().toString().substring(0, 8);

        Api.Reply cron = manager.post("/recurring-jobs", body(name, "0 */5 * * *", "UTC", "[\"a@b.c\"]"));
        ApiIT.assertProblem(cron, 400);
        assertThat(cron.json().getString("detail")).startsWith("The cron expression '0 */5 * * *' is not valid");

        Api.Reply zone = manager.post("/recurring-jobs", body(name, "0 0 6 * * *", "Mars/Olympus", "[\"a@b.c\"]"));
        ApiIT.assertProblem(zone, 400);
        assertThat(zone.json().getString("detail")).startsWith("The time zone 'Mars/Olympus' is not known");

        Api.Reply arguments = manager.post("/recurring-jobs", body(name, "0 0 6 * * *", "UTC", "[1, 2]"));
        ApiIT.assertProblem(arguments, 400);
        assertThat(arguments.json().getString("detail")).contains("takes 1 argument(s), 2 given");

        assertThat(manager.get("/recurring-jobs").array().stream()
                        .map(value -> value.asJsonObject().getString("name"))
                        .toList())
                .doesNotContain(name);
    }

    @Test
    void aRecordCreatedWithOverlapAllowed_readsBackSo_aPutLeavingItOutKeepsIt_andANonBooleanIsA400() {
        Api manager = Api.asManager();
        String name = "api-overlap-" + UUID.randomUUID().toString().substring(0, 8);
        String record = body(name, "0 0 6 * * *", "UTC", "[\"a@b.c\"]");

        Api.Reply created =
                manager.post("/recurring-jobs", record.substring(0, record.length() - 1) + ",\"allowOverlap\":true}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getBoolean("allowOverlap")).isTrue();
        long id = created.json().getJsonNumber("id").longValue();
        assertThat(manager.get("/recurring-jobs/" + id).json().getBoolean("allowOverlap"))
                .isTrue();

        Api.Reply rescheduled = manager.put("/recurring-jobs/" + id, "{\"cron\":\"0 0 7 * * *\"}");
        assertThat(rescheduled.status()).as(rescheduled.toString()).isEqualTo(200);
        assertThat(rescheduled.json().getBoolean("allowOverlap")).as("kept").isTrue();

        Api.Reply refused = manager.put("/recurring-jobs/" + id, "{\"allowOverlap\":\"yes\"}");
        ApiIT.assertProblem(refused, 400);
        assertThat(refused.json().getString("detail"))
                .isEqualTo("allowOverlap must be true or false, not the text \"yes\".");
        assertThat(manager.get("/recurring-jobs/" + id).json().getBoolean("allowOverlap"))
                .isTrue();

        Api.Reply off = manager.put("/recurring-jobs/" + id, "{\"allowOverlap\":false}");
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.json().getBoolean("allowOverlap")).isFalse();

        String other = name + "-refused";
        String otherRecord = body(other, "0 0 6 * * *", "UTC", "[\"a@b.c\"]");
        Api.Reply notCreated = manager.post(
                "/recurring-jobs", otherRecord.substring(0, otherRecord.length() - 1) + ",\"allowOverlap\":1}");
        ApiIT.assertProblem(notCreated, 400);
        assertThat(notCreated.json().getString("detail"))
                .isEqualTo("allowOverlap must be true or false, not the number 1.");
        assertThat(manager.get("/recurring-jobs").array().stream()
                        .map(value -> value.asJsonObject().getString("name"))
                        .toList())
                .doesNotContain(other);

        assertThat(manager.send("DELETE", "/recurring-jobs/" + id, "{}", Api.JSON)
                        .status())
                .isEqualTo(204);
    }
}
