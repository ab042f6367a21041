package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The autovacuum on the Channels screen of the demo EAR (the library as an EJB module: its batch job found from
 * there): the manager runs it now and sees the run complete with its count; a viewer sees the runs and no button,
 * and a request forged with the button's id starts nothing.
 */
class AutovacuumScreenIT extends BrowserTest {

    private static final By RUN_NOW = By.id("autovacuumForm:runNow");
    private static final By RUNS = By.id("autovacuumForm:runs");
    private static final String LAST_RUN = "SELECT coalesce(max(id), 0) FROM queue_job_autovacuum_run";

    @Test
    void managerRunsTheAutovacuumNow_andSeesItCompleteWithTheJobsItDeleted() {
        String channel = JobRows.uniqueChannel("autovacuum");
        Instant longAgo = Instant.now().minus(Duration.ofDays(40));
        List<JobRows.Stored> old = JobRows.aJob(channel)
                .createdAgo(Duration.ofDays(41))
                .state("done")
                .started(longAgo, 20)
                .done()
                .store(5);
        JobRows.Stored young = JobRows.aDoneJob(channel, 20).store();
        JobRows.Stored failed = JobRows.aFailedJob(channel, "java.io.IOException", "Disk full")
                .createdAgo(Duration.ofDays(400))
                .store();
        browser.loginAsManager();

        browser.open("/channels.xhtml");
        assertThat(browser.waitFor(By.id("autovacuumForm:schedule")).getText()).startsWith("Daily at 03:00");
        browser.click(RUN_NOW);

        assertThat(browser.waitFor(By.id("autovacuumForm:autovacuumMessages")).getText())
                .contains("Autovacuum run")
                .contains("started on");
        browser.waitUntil(d -> cell(0, "outcome").equals("Completed"));
        assertThat(cell(0, "startedBy")).isEqualTo(Browser.property("queuejob.manager.user"));
        assertThat(cell(0, "deleted")).isEqualTo("5");
        assertThat(cell(0, "server")).isNotBlank();
        assertThat(cell(0, "execution")).isNotBlank();
        assertThat(JobRows.count("SELECT count(*) FROM queue_job WHERE channel = ?", channel))
                .as("the young done job and the failed one")
                .isEqualTo(2);
        assertThat(JobRows.state(young.uuid())).isEqualTo("done");
        assertThat(JobRows.state(failed.uuid())).isEqualTo("failed");
        assertThat(old).allSatisfy(job -> assertThat(JobRows.state(job.uuid())).isNull());
        browser.screenshotFullPage("channels-autovacuum");
    }

    @Test
    void viewerSeesTheRunsButNoRunButton_andAForgedRunRequestStartsNothing() {
        long lastRun = JobRows.count(LAST_RUN);
        browser.loginAsViewer();

        browser.open("/channels.xhtml");
        browser.waitFor(RUNS);
        assertThat(browser.driver().findElements(RUN_NOW)).isEmpty();

        String response = (String) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('autovacuumForm');
                const data = new URLSearchParams();
                data.append('autovacuumForm', 'autovacuumForm');
                data.append('jakarta.faces.partial.ajax', 'true');
                data.append('jakarta.faces.source', 'autovacuumForm:runNow');
                data.append('jakarta.faces.partial.execute', 'autovacuumForm:runNow');
                data.append('jakarta.faces.partial.render', 'autovacuumForm:autovacuumPanel');
                data.append('autovacuumForm:runNow', 'autovacuumForm:runNow');
                data.append('jakarta.faces.ViewState', form.querySelector("input[name='jakarta.faces.ViewState']").value);
                fetch(form.action, {method: 'POST', body: data, credentials: 'same-origin',
                                    headers: {'Faces-Request': 'partial/ajax'}})
                    .then(r => r.text()).then(done, e => done('ERROR ' + e));""");

        assertThat(response).doesNotContain("ERROR").doesNotContain("started on");
        assertThat(JobRows.count(LAST_RUN)).as("latest run").isEqualTo(lastRun);
    }

    private String cell(int row, String id) {
        return browser.driver()
                .findElement(By.id("autovacuumForm:runs:" + row + ":" + id))
                .getText();
    }
}
