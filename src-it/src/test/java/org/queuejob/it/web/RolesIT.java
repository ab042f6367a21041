package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.queuejob.it.support.DeployedDemoEar;

/**
 * Who may do what: anonymous visitors get the login page everywhere; a queue-job-viewer sees every screen but the
 * server refuses every change, including a request forged by hand; a queue-job-manager acts (the other tests).
 */
@ExtendWith({DeployedDemoEar.class, ScreenshotOnFailure.class})
class RolesIT {

    static final String REFUSED = "Only a queue-job-manager may change jobs and channels";

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anonymousVisitor_getsTheLoginPageForEveryScreen() {
        for (String page : List.of("/", "/dashboard.xhtml", "/jobs.xhtml", "/channels.xhtml", "/job.xhtml?uuid=x")) {
            browser.open(page);
            assertThat(browser.waitFor(By.id("username")).isDisplayed())
                    .as(page)
                    .isTrue();
            assertThat(browser.driver().findElements(By.id("menu"))).as(page).isEmpty();
        }
    }

    @Test
    void viewer_seesEveryScreen_butTheServerRefusesTheJobButtons() {
        String channel = JobRows.uniqueChannel("viewer-detail");
        JobRows.Stored job =
                JobRows.aFailedJob(channel, "java.io.IOException", "Disk full").store();
        browser.loginAsViewer();

        browser.open("/dashboard.xhtml");
        browser.waitFor(By.id("stateChannelCounts"));
        browser.open("/channels.xhtml");
        browser.waitFor(By.id("channelsForm:channels"));
        JobsScreenIT.showChannel(browser, channel, 1);
        browser.screenshot("viewer-jobs");

        browser.open("/job.xhtml?uuid=" + job.uuid());
        browser.click(By.id("actionsForm:cancelJob"));
        assertThat(browser.waitFor(By.id("actionsForm:messages")).getText()).contains(REFUSED);
        browser.click(By.id("actionsForm:requeue"));
        assertThat(browser.waitFor(By.id("actionsForm:messages")).getText()).contains(REFUSED);
        assertThat(JobRows.state(job.uuid())).isEqualTo("failed");
    }

    @Test
    void viewer_forgedBulkCancelPost_isRefused_andNothingChanges() {
        String channel = JobRows.uniqueChannel("viewer-forged");
        JobRows.aJob(channel).store(3);
        browser.loginAsViewer();
        JobsScreenIT.showChannel(browser, channel, 3);

        // Opening the confirmation only counts (allowed to look); then the viewer sends the manager's "Cancel" request
        // by hand: the ajax POST the confirm button would send, with this view's state.
        BulkActionsIT.chooseBulk(browser, "bulkMatching", "matching_CANCEL");
        assertThat(browser.waitFor(BulkActionsIT.QUESTION).getText()).isEqualTo("Cancel: 3 jobs matching the filters.");
        String response = (String) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('bulkForm');
                const data = new URLSearchParams();
                data.append('bulkForm', 'bulkForm');
                data.append('jakarta.faces.partial.ajax', 'true');
                data.append('jakarta.faces.source', 'bulkForm:bulkConfirm');
                data.append('jakarta.faces.partial.execute', 'bulkForm:bulkConfirm');
                data.append('jakarta.faces.partial.render', 'jobsForm:messages');
                data.append('bulkForm:bulkConfirm', 'bulkForm:bulkConfirm');
                data.append('jakarta.faces.ViewState', form.querySelector("input[name='jakarta.faces.ViewState']").value);
                fetch(form.action, {method: 'POST', body: data, credentials: 'same-origin',
                                    headers: {'Faces-Request': 'partial/ajax'}})
                    .then(r => r.text()).then(done, e => done('ERROR ' + e));""");

        assertThat(response).contains(REFUSED);
        // A bulk action runs in the background: were it started, it would cancel the jobs within these seconds.
        assertPendingThroughout(channel, 3);

        // And through the page's own button: the same refusal.
        browser.click(BulkActionsIT.CONFIRM);
        browser.waitUntil(
                d -> d.findElement(By.id("jobsForm:messages")).getText().contains(REFUSED));
        assertPendingThroughout(channel, 3);
        browser.screenshot("viewer-refused");
    }

    /** The channel keeps {@code count} pending jobs for two seconds: no background work changed them meanwhile. */
    private static void assertPendingThroughout(String channel, long count) {
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() ->
                        JobRows.count("SELECT count(*) FROM queue_job WHERE channel = ? AND state = 'pending'", channel)
                                == count);
    }
}
