package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.queuejob.it.support.HeldLock;

/**
 * The Bulk actions screen of the demo EAR: an action started from the Jobs screen is followed there (read from the
 * database: the same after a reload), stopped by the manager midway and resumed to the end, each job changed once; a
 * viewer sees the actions, no button, and the server refuses a viewer's start, stop and resume; the stored filter is
 * shown as text, never as markup.
 */
class BulkActionsScreenIT extends BrowserTest {

    private static final By MESSAGES = By.id("bulkActionsForm:messages");

    @Test
    void managerFollowsAnActionStartedFromTheJobsScreen_stopsItMidway_andResumesItToTheEnd() {
        String channel = JobRows.uniqueChannel("bulk-screen");
        // Ten chunks of 200 (the demo's chunk size); a job of the eighth locked by the test from before the start, as
        // behind someone's edit, so that the Stop lands midway whatever the machine's pace (on a fast machine the
        // whole action once ended before the click). The Stop is answered while that chunk still waits.
        int jobs = 2_000;
        JobRows.insertMany(jobs, channel, "failed");
        try (HeldLock eighthChunk = JobRows.lockJob(channel, 1_500)) {
            browser.loginAsManager();
            JobsScreenIT.showChannel(browser, channel, 25);
            BulkActionsIT.chooseBulk(browser, "bulkMatching", "matching_REQUEUE");
            browser.click(BulkActionsIT.CONFIRM);

            browser.click(By.id("bulkForm:bulkActionLink"));
            browser.waitUntil(d -> cell(0, "filter").endsWith("channel " + channel));
            assertThat(cell(0, "action")).isEqualTo("Requeue");
            assertThat(cell(0, "startedBy")).isEqualTo(Browser.property("queuejob.manager.user"));
            assertThat(cell(0, "outcome")).isEqualTo("Running");
            browser.waitUntil(d -> eighthChunk.waitedFor(), Duration.ofMinutes(2));
            browser.click(By.id("bulkActionsForm:actions:0:stop"));

            assertThat(browser.waitFor(MESSAGES).getText()).contains("stops after its current chunk");
            browser.waitUntil(d -> cell(0, "outcome").equals("Stopping"));
            assertThat(eighthChunk.waitedFor())
                    .as("the chunk still waits for the job")
                    .isTrue();
        }
        browser.waitUntil(d -> cell(0, "outcome").equals("Stopped"));
        long pending = pending(channel);
        assertThat(pending).as("requeued up to the end of the held chunk").isEqualTo(1_600);
        assertThat(cell(0, "changed")).isEqualTo("1,600");
        browser.screenshot("bulk-actions-stopped");

        browser.click(By.id("bulkActionsForm:actions:0:resume"));
        assertThat(browser.waitFor(MESSAGES).getText()).contains("resumed on");
        browser.waitUntil(d -> cell(0, "outcome").equals("Completed"), Duration.ofMinutes(5));
        assertThat(cell(0, "changed")).isEqualTo("2,000");
        assertThat(cell(0, "notChanged")).isEqualTo("0");
        assertThat(pending(channel)).isEqualTo(jobs);

        browser.open("/bulk-actions.xhtml");
        assertThat(cell(0, "status")).isEqualTo("Requeue: 2,000 of 2,000 jobs, completed.");
        assertThat(cell(0, "changed")).as("after a reload").isEqualTo("2,000");
        assertThat(browser.cspViolations()).as("bulk actions screen").isEmpty();
        browser.screenshotFullPage("bulk-actions");
    }

    @Test
    void viewerSeesTheActionsButNoButton_theServerRefusesTheirStartStopAndResume_andTheFilterIsShownAsText() {
        String channel = JobRows.uniqueChannel("bulk-viewer");
        JobRows.insertMany(3, channel, "failed");
        String markup = "<img src=x id=injected>";
        Api.Reply started = Api.asManager()
                .post(
                        "/bulk-actions",
                        "{\"action\":\"priority\",\"priority\":4,\"filter\":{\"channel\":\"" + channel
                                + "\",\"text\":\"" + markup + "\"}}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long id = started.json().getJsonNumber("id").longValue();
        Api viewer = Api.asViewer();

        browser.loginAsViewer();
        browser.open("/bulk-actions.xhtml");
        browser.waitUntil(d -> cell(0, "actionId").equals(String.valueOf(id)));
        assertThat(cell(0, "filter")).contains("text \u201c" + markup + "\u201d");
        assertThat(browser.driver().findElements(By.id("injected"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("[id$=':stop'], [id$=':resume']")))
                .isEmpty();
        assertThat(browser.driver().findElement(By.id("bulkActionsForm")).getText())
                .contains("Read only: your role may follow bulk actions, not start or stop them.");

        assertThat(viewer.post("/bulk-actions", "{\"action\":\"cancel\",\"filter\":{\"channel\":\"" + channel + "\"}}")
                        .status())
                .isEqualTo(403);
        assertThat(viewer.post("/bulk-actions/" + id + "/stop", "").status()).isEqualTo(403);
        assertThat(viewer.post("/bulk-actions/" + id + "/resume", "").status()).isEqualTo(403);
        JsonObject status = viewer.get("/bulk-actions/" + id).json();
        assertThat(status.getString("startedBy")).isEqualTo(Browser.property("queuejob.manager.user"));
        assertThat(JobRows.count(
                        "SELECT count(*) FROM queue_job_bulk_action WHERE filter_text LIKE ?", "%" + channel + "%"))
                .as("actions on the channel")
                .isEqualTo(1);
    }

    /**
     * An action started while the manager clicks Stop on the newest one: the refresh under way lands first and gives
     * the row's place to the new action (newest first). The action chosen is asked to stop, not the new one (before,
     * the button named its row by place, and the new action was stopped).
     */
    @Test
    void stopClickedWhileARefreshAddsAnActionAbove_stopsTheActionChosen() {
        String marker = "it-stop-race-" + UUID.randomUUID();
        long chosen = insertRunning(marker);
        try {
            browser.loginAsManager();
            browser.open("/bulk-actions.xhtml");
            browser.waitUntil(d -> cell(0, "actionId").equals(String.valueOf(chosen)));
            long started = insertRunning(marker);

            browser.script("PF('bulkActionsRefresh').cfg.fn();"
                    + " document.getElementById('bulkActionsForm:actions:0:stop').click();");
            browser.waitForPrimeFacesAjax();

            assertThat(browser.waitFor(MESSAGES).getText()).contains("Bulk action " + chosen + " stops");
            assertThat(JobRows.queryString(
                            "SELECT string_agg(id || ' ' || stop_requested, ', ' ORDER BY id)"
                                    + " FROM queue_job_bulk_action WHERE filter_text = ?",
                            marker))
                    .isEqualTo(chosen + " true, " + started + " false");
        } finally {
            // Not left running: another server's recovery sweep would take them over.
            JobRows.execute("DELETE FROM queue_job_bulk_action WHERE filter_text = ?", marker);
        }
    }

    /**
     * The record of an action running on another server (no batch execution here): what the screen lists and stops.
     */
    private static long insertRunning(String marker) {
        return Long.parseLong(JobRows.queryString(
                "INSERT INTO queue_job_bulk_action (action, filter, filter_text, max_id, started_by, started_at,"
                        + " outcome, matched, chunk_size, max_duty, server)"
                        + " VALUES ('REQUEUE', '{}', ?, 0, 'it', now(), 'running', 10, 200, 0.5, 'it-elsewhere')"
                        + " RETURNING id",
                marker));
    }

    private static long pending(String channel) {
        return JobRows.count("SELECT count(*) FROM queue_job WHERE channel = ? AND state = 'pending'", channel);
    }

    private String cell(int row, String id) {
        return browser.driver()
                .findElement(By.id("bulkActionsForm:actions:" + row + ":" + id))
                .getText();
    }
}
