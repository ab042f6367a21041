package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A queue-job-viewer sees every screen and is shown no action anywhere: no bulk menu or selection, no requeue, done,
 * cancel or save, no editable field, no channel edit, pause or resume, no autovacuum run, no job function edit. The
 * server refuses them anyway: requests forged with a manager's button ids and the viewer's own view state change
 * nothing.
 */
class ViewerIT extends BrowserTest {

    static final String READ_ONLY = "Read only: your role may look at";

    @BeforeEach
    void login() {
        browser.loginAsViewer();
    }

    @Test
    void viewer_isShownNoActionOnAnyScreen() {
        String channel = JobRows.uniqueChannel("viewer-screens");
        JobRows.Stored failed =
                JobRows.aFailedJob(channel, "java.io.IOException", "Disk full").store();
        JobRows.Stored pending = JobRows.aJob(channel).store();

        JobsScreenIT.showChannel(browser, channel, 2);
        assertThat(browser.driver().findElements(By.id("jobsForm:bulkSelected")))
                .isEmpty();
        assertThat(browser.driver().findElements(By.id("jobsForm:bulkMatching")))
                .isEmpty();
        assertThat(browser.driver().findElements(By.id("jobsForm:selectionCount")))
                .isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#jobsForm\\:jobs .ui-chkbox-box")))
                .isEmpty();
        assertThat(browser.driver().findElements(By.id("bulkForm"))).isEmpty();
        assertThat(browser.driver().findElement(By.id("jobsForm:toolbar")).getText())
                .contains(READ_ONLY);
        browser.screenshot("viewer-jobs");

        for (JobRows.Stored job : new JobRows.Stored[] {failed, pending}) {
            browser.open("/job.xhtml?uuid=" + job.uuid());
            browser.waitFor(By.id("jobState"));
            assertThat(browser.driver().findElements(By.cssSelector("#actionsForm button")))
                    .as("buttons on the page of a %s job", JobRows.state(job.uuid()))
                    .isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#actionsForm input[type='text']")))
                    .isEmpty();
            assertThat(browser.driver().findElement(By.id("actionsForm")).getText())
                    .contains(READ_ONLY);
        }
        browser.screenshot("viewer-job");

        browser.open("/channels.xhtml");
        ChannelsScreenIT.row(browser, channel);
        ChannelsScreenIT.row(browser, "root");
        for (String action : new String[] {":edit", ":pause", ":resume"}) {
            assertThat(browser.driver().findElements(By.cssSelector("#channelsForm [id$='" + action + "']")))
                    .as(action)
                    .isEmpty();
        }
        assertThat(browser.driver().findElements(By.id("channelDialogForm"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("autovacuumForm:runNow")))
                .isEmpty();
        browser.screenshot("viewer-channels");

        browser.open("/job-functions.xhtml");
        browser.waitFor(By.id("functionsForm:functions"));
        assertThat(browser.driver().findElements(By.cssSelector("#functionsForm [id$=':edit']")))
                .isEmpty();
        assertThat(browser.driver().findElements(By.id("functionDialogForm"))).isEmpty();
    }

    @Test
    void viewer_forgedJobPageRequests_changeNothing() {
        String channel = JobRows.uniqueChannel("viewer-forged-job");
        JobRows.Stored job =
                JobRows.aFailedJob(channel, "java.io.IOException", "Disk full").store();
        browser.open("/job.xhtml?uuid=" + job.uuid());
        browser.waitFor(By.id("jobState"));

        for (String button : new String[] {"actionsForm:cancelJob", "actionsForm:requeue", "actionsForm:setDone"}) {
            String response = forge("actionsForm", button, false);
            assertThat(response).as(button).doesNotContain("Requeued.", "Set to done.", "Cancelled, with the jobs");
        }

        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> JobRows.state(job.uuid()), "failed"::equals);
    }

    @Test
    void viewer_forgedBulkCancel_changesNothing() {
        String channel = JobRows.uniqueChannel("viewer-forged-bulk");
        JobRows.aJob(channel).store(3);
        JobsScreenIT.showChannel(browser, channel, 3);

        // The manager's requests, by hand: the menu item that opens the confirmation, then its confirm button.
        forge("jobsForm", "jobsForm:matching_CANCEL", true);
        forge("jobsForm", "bulkForm:bulkConfirm", true);

        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> JobRows.count(
                                "SELECT count(*) FROM queue_job WHERE channel = ? AND state = 'pending'", channel),
                        count -> count == 3);
    }

    /**
     * Posts what a click on {@code source} would post, with the view state of the page's {@code form}: a full
     * postback, or an ajax one.
     */
    private String forge(String form, String source, boolean ajax) {
        return (String) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const [formId, source, ajax] = [arguments[0], arguments[1], arguments[2]];
                const form = document.getElementById(formId);
                const data = new URLSearchParams();
                data.append(formId, formId);
                data.append(source, source);
                data.append('jakarta.faces.ViewState',
                            form.querySelector("input[name='jakarta.faces.ViewState']").value);
                const headers = {};
                if (ajax) {
                    data.append('jakarta.faces.partial.ajax', 'true');
                    data.append('jakarta.faces.source', source);
                    data.append('jakarta.faces.partial.execute', source);
                    data.append('jakarta.faces.partial.render', '@all');
                    headers['Faces-Request'] = 'partial/ajax';
                }
                fetch(form.action, {method: 'POST', body: data, credentials: 'same-origin', headers})
                    .then(r => r.text()).then(done, e => done('ERROR ' + e));""", form, source, ajax);
    }
}
