package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The autovacuum on the Channels screen of the demo EAR (the library as an EJB module: its batch job found from
 * there): the manager runs it now and sees the run complete with its count, stops a run (confirmed) and resumes it
 * from its checkpoint, and is told why when a run cannot be stopped or resumed; a viewer sees the runs and no
 * button, and a request forged with the button's id starts nothing.
 */
class AutovacuumScreenIT extends BrowserTest {

    private static final By RUN_NOW = By.id("autovacuumForm:runNow");
    private static final By RUNS = By.id("autovacuumForm:runs");
    private static final String LAST_RUN = "SELECT coalesce(max(id), 0) FROM queue_job_autovacuum_run";
    private static final String RUNNING = "SELECT count(*) FROM queue_job_autovacuum_run WHERE outcome = 'running'";
    private static final By MESSAGES = By.id("autovacuumForm:autovacuumMessages");

    /** Long enough for a run of tens of thousands of deletions at the demo's pace (a tenth of the time, or less). */
    private static final Duration LONG_RUN = Duration.ofMinutes(3);

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
        assertThat(browser.driver().findElements(By.cssSelector("[id$=':stopRun'], [id$=':resumeRun']")))
                .as("no Stop nor Resume for a viewer")
                .isEmpty();

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

    /**
     * A run with enough to delete that it is still running when Stop is clicked: the confirmation says what a stop
     * does, the run stops after its chunk with part of its work done, and Resume continues it from its checkpoint to
     * the end, each job deleted once.
     */
    @Test
    void managerStopsARunningRunAfterConfirming_thenResumesItFromItsCheckpoint_toTheEnd() {
        String channel = JobRows.uniqueChannel("autovacuum-stop");
        int jobs = 20_000;
        JobRows.insertManyDoneAgo(jobs, channel, Duration.ofDays(41));
        browser.loginAsManager();
        browser.open("/channels.xhtml");
        browser.waitUntil(d -> JobRows.count(RUNNING) == 0, LONG_RUN);

        browser.click(RUN_NOW);
        browser.waitUntil(d -> cell(0, "outcome").equals("Running"));
        long run = Long.parseLong(cell(0, "runId"));
        browser.click(By.id("autovacuumForm:runs:0:stopRun"));
        browser.waitUntil(
                d -> d.findElement(By.id("autovacuumForm:confirmStop")).isDisplayed());
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".ui-confirm-dialog"))
                        .getText())
                .contains("Stop autovacuum run " + run)
                .contains("Resume continues it from there");
        browser.screenshot("autovacuum-stop-confirm");
        browser.click(By.id("autovacuumForm:confirmStop"));

        assertThat(browser.waitFor(MESSAGES).getText())
                .contains("Autovacuum run " + run + " stops after its current chunk");
        browser.waitUntil(d -> cell(0, "outcome").equals("Stopped"), LONG_RUN);
        assertThat(JobRows.count("SELECT count(*) FROM queue_job WHERE channel = ?", channel))
                .as("jobs left when it stopped")
                .isPositive();
        assertThat(browser.shown(By.id("autovacuumForm:runs:0:stopRun"))).isEmpty();

        browser.click(By.id("autovacuumForm:runs:0:resumeRun"));
        browser.waitUntil(d -> d.findElement(MESSAGES).getText().contains("Autovacuum run " + run + " resumed on"));
        browser.waitUntil(d -> cell(0, "outcome").equals("Completed"), LONG_RUN);
        assertThat(cell(0, "runId")).as("the same run, resumed").isEqualTo(String.valueOf(run));
        assertThat(JobRows.count("SELECT count(*) FROM queue_job WHERE channel = ?", channel))
                .isZero();
        assertThat(Long.parseLong(cell(0, "deleted").replace(",", "")))
                .as("its count over both executions")
                .isGreaterThanOrEqualTo(jobs);
    }

    /**
     * A completed run offers neither Stop nor Resume; a click that reaches the server all the same (sent just as the
     * run ended) is answered with why, not with an error page or silence.
     */
    @Test
    void stopOrResumeOfARunThatCompleted_isHidden_andAClickSentAnywaySaysWhy() {
        browser.loginAsManager();
        browser.open("/channels.xhtml");
        browser.waitUntil(d -> JobRows.count(RUNNING) == 0, LONG_RUN);
        browser.click(RUN_NOW);
        browser.waitUntil(d -> cell(0, "outcome").equals("Completed"), LONG_RUN);
        String run = cell(0, "runId");
        assertThat(browser.shown(By.id("autovacuumForm:runs:0:stopRun"))).isEmpty();
        assertThat(browser.shown(By.id("autovacuumForm:runs:0:resumeRun"))).isEmpty();

        browser.script("document.getElementById('autovacuumForm:runs:0:resumeRun').click();");
        browser.waitForPrimeFacesAjax();
        browser.waitUntil(d -> d.findElement(MESSAGES)
                .getText()
                .contains("Autovacuum run " + run + " has completed: there is nothing left to resume."));

        browser.script("document.getElementById('autovacuumForm:runs:0:stopRun').click();");
        browser.waitUntil(
                d -> d.findElement(By.id("autovacuumForm:confirmStop")).isDisplayed());
        browser.click(By.id("autovacuumForm:confirmStop"));
        browser.waitUntil(d -> d.findElement(MESSAGES)
                .getText()
                .contains("Autovacuum run " + run + " has already ended (completed): there is nothing to stop."));
    }

    private String cell(int row, String id) {
        return browser.driver()
                .findElement(By.id("autovacuumForm:runs:" + row + ":" + id))
                .getText();
    }
}
