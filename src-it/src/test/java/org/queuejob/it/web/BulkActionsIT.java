package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Bulk actions from the Jobs screen, on the selected rows or on everything matching the filters: the confirmation
 * says how many, a progress bar follows the server-side chunks, and the database shows the result.
 */
class BulkActionsIT extends BrowserTest {

    static final By QUESTION = By.id("bulkForm:bulkQuestion");
    static final By CONFIRM = By.id("bulkForm:bulkConfirm");
    static final By RESULT = By.id("bulkForm:bulkResult");

    @BeforeEach
    void login() {
        browser.loginAsManager();
    }

    static void chooseBulk(Browser browser, String menu, String actionId) {
        browser.click(By.id("jobsForm:" + menu));
        browser.click(By.id("jobsForm:" + actionId));
        browser.waitFor(By.id("bulkForm:bulkDialog"));
    }

    @Test
    void cancelSelectedJobs_confirmsTheCount_andCancelsOnlyThem() {
        String channel = JobRows.uniqueChannel("bulk-selected");
        List<JobRows.Stored> jobs = JobRows.aJob(channel).store(3);
        JobsScreenIT.showChannel(browser, channel, 3);

        browser.click(By.cssSelector("tr[data-rk='" + jobs.get(0).uuid() + "'] .ui-chkbox-box"));
        browser.click(By.cssSelector("tr[data-rk='" + jobs.get(1).uuid() + "'] .ui-chkbox-box"));
        browser.waitUntil(
                d -> d.findElement(By.id("jobsForm:selectionCount")).getText().startsWith("2 "));

        chooseBulk(browser, "bulkSelected", "selected_CANCEL");
        assertThat(browser.waitFor(QUESTION).getText()).isEqualTo("Cancel: 2 jobs selected.");
        browser.screenshot("bulk-confirm");
        browser.click(CONFIRM);

        assertThat(browser.waitFor(RESULT).getText()).isEqualTo("2 changed, 0 not changed.");
        assertThat(JobRows.state(jobs.get(0).uuid())).isEqualTo("cancelled");
        assertThat(JobRows.state(jobs.get(1).uuid())).isEqualTo("cancelled");
        assertThat(JobRows.state(jobs.get(2).uuid())).isEqualTo("pending");
        assertThat(JobRows.queryString(
                        "SELECT result FROM queue_job WHERE uuid = ?::uuid",
                        jobs.get(0).uuid().toString()))
                .isEqualTo("Cancelled by manager");

        browser.click(By.id("bulkForm:bulkDone"));
        JobsScreenIT.waitForRows(browser, 1);
    }

    @Test
    void requeueAllMatching_10000FailedJobs_runsInChunksWithProgress() {
        String channel = JobRows.uniqueChannel("bulk-10k");
        JobRows.insertMany(10_000, channel, "failed");
        JobsScreenIT.showChannel(browser, channel, 25);

        chooseBulk(browser, "bulkMatching", "matching_REQUEUE");
        assertThat(browser.waitFor(QUESTION).getText()).isEqualTo("Requeue: 10000 jobs matching the filters.");
        browser.click(CONFIRM);

        browser.waitFor(By.id("bulkForm:bulkProgressBar"));
        browser.waitUntil(
                d -> !d.findElement(By.id("bulkForm:bulkStatus")).getText().startsWith("Requeue: 0 of"));
        browser.screenshot("bulk-progress");
        assertThat(browser.waitFor(RESULT, Duration.ofMinutes(5)).getText())
                .isEqualTo("10,000 changed, 0 not changed.");
        browser.screenshot("bulk-finished");

        assertThat(JobRows.count(
                        "SELECT count(*) FROM queue_job WHERE channel = ? AND state = 'pending' AND retry = 0",
                        channel))
                .isEqualTo(10_000);
    }

    @Test
    void changePriorityOfAllMatching_setsTheNewPriority() {
        String channel = JobRows.uniqueChannel("bulk-priority");
        JobRows.aJob(channel).store(4);
        JobRows.aDoneJob(channel, 10).store();
        JobsScreenIT.showChannel(browser, channel, 4);

        chooseBulk(browser, "bulkMatching", "matching_CHANGE_PRIORITY");
        assertThat(browser.waitFor(QUESTION).getText()).isEqualTo("Change priority: 4 jobs matching the filters.");
        browser.type(By.id("bulkForm:bulkPriority"), "3");
        browser.click(CONFIRM);

        assertThat(browser.waitFor(RESULT).getText()).isEqualTo("4 changed, 0 not changed.");
        assertThat(JobRows.count("SELECT count(*) FROM queue_job WHERE channel = ? AND priority = 3", channel))
                .isEqualTo(4);
        assertThat(JobRows.count(
                        "SELECT count(*) FROM queue_job WHERE channel = ? AND state = 'done' AND priority = 10",
                        channel))
                .isEqualTo(1);
    }

    @Test
    void changeChannelOfSelected_movesThem() {
        String channel = JobRows.uniqueChannel("bulk-channel");
        String target = JobRows.uniqueChannel("bulk-target");
        JobRows.Stored job = JobRows.aJob(channel).store();
        JobsScreenIT.showChannel(browser, channel, 1);
        browser.click(By.cssSelector("tr[data-rk='" + job.uuid() + "'] .ui-chkbox-box"));
        browser.waitUntil(
                d -> d.findElement(By.id("jobsForm:selectionCount")).getText().startsWith("1 "));

        chooseBulk(browser, "bulkSelected", "selected_CHANGE_CHANNEL");
        browser.type(By.id("bulkForm:bulkChannel"), target);
        browser.click(CONFIRM);

        assertThat(browser.waitFor(RESULT).getText()).isEqualTo("1 changed, 0 not changed.");
        assertThat(JobRows.queryString(
                        "SELECT channel FROM queue_job WHERE uuid = ?::uuid",
                        job.uuid().toString()))
                .isEqualTo(target);
    }
}
