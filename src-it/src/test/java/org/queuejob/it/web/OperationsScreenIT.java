package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What the back office adds for operations: the progress a running job reports (JobContext.progress writes it to its
 * row) on the job page, which follows it live, and beside the state in the job list; and "N failed since your last
 * visit" in the header, a link to the failed jobs.
 */
class OperationsScreenIT extends BrowserTest {

    @BeforeEach
    void logIn() {
        browser.loginAsViewer();
    }

    @Test
    void jobPage_followsTheProgressOfARunningJob_andTheListShowsIt() {
        String channel = JobRows.uniqueChannel("progress");
        JobRows.Stored job = JobRows.aJobStartedAgo(channel, Duration.ofMinutes(3));
        try {
            progress(job, 10, "Read 10 of 100 files");

            browser.open("/job.xhtml?uuid=" + job.uuid());
            assertThat(browser.waitFor(By.id("jobProgressBar")).getText()).contains("10 %");
            assertThat(browser.waitFor(By.id("jobProgressMessage")).getText()).isEqualTo("Read 10 of 100 files");

            progress(job, 60, "Read 60 of 100 files");
            browser.waitUntil(
                    d -> d.findElement(By.id("jobProgressBar")).getText().contains("60 %"));
            assertThat(browser.waitFor(By.id("jobProgressMessage")).getText()).isEqualTo("Read 60 of 100 files");
            browser.screenshot("job-progress");

            JobsScreenIT.showChannel(browser, channel, 1);
            assertThat(browser.waitFor(By.cssSelector("tr[data-rk='" + job.uuid() + "'] [id$=':progress']"))
                            .getText())
                    .isEqualTo("60 %");
            // How long it has run, which its row knows only when it ends.
            assertThat(browser.waitFor(By.cssSelector("tr[data-rk='" + job.uuid() + "'] [id$=':runningFor']"))
                            .getText())
                    .startsWith("for 3 min ");
            browser.screenshot("jobs-started");
        } finally {
            JobRows.delete(job);
        }
    }

    @Test
    void header_saysHowManyJobsFailedSinceTheUsersLastVisit_andLinksToThem() {
        JobRows.execute("DELETE FROM queue_job_visit WHERE user_name = ?", System.getProperty("queuejob.viewer.user"));
        browser.startAfresh(); // out of the session logIn() began: the next login is the user's first visit
        browser.loginAsViewer();
        browser.open("/dashboard.xhtml");
        browser.waitFor(By.id("currentUser"));
        assertThat(browser.driver().findElements(By.id("failedSinceLastVisit")))
                .as("the first visit has nothing to compare with")
                .isEmpty();

        String channel = JobRows.uniqueChannel("since-visit");
        for (int i = 0; i < 3; i++) {
            JobRows.aFailedJob(channel, "java.io.IOException", "Disk full " + i)
                    .started(java.time.Instant.now().plusSeconds(1), 10)
                    .store();
        }
        browser.startAfresh(); // a new session: the user's next visit
        browser.loginAsViewer();
        browser.open("/dashboard.xhtml");

        String text = browser.waitFor(By.id("failedSinceLastVisit")).getText();
        assertThat(text).matches("\\d+ failed since your last visit");
        assertThat(Long.parseLong(text.split(" ")[0])).isGreaterThanOrEqualTo(3);
        // The notice fits the header's one row at 1,400 px (it pushed the menu and the brand onto two rows before).
        WebElement header = browser.driver().findElement(By.cssSelector("header.qj-header"));
        assertThat(header.getSize().getHeight())
                .as("header height with the notice shown")
                .isLessThan(80);
        assertThat(browser.driver().findElements(By.cssSelector("#menu .ui-menuitem-link")).stream()
                        .map(item -> item.getLocation().getY())
                        .distinct())
                .as("menu rows")
                .hasSize(1);
        browser.screenshot("failed-since-last-visit");
        browser.click(By.id("failedSinceLastVisit"));
        browser.waitUntil(d ->
                d.getCurrentUrl().contains("/jobs.xhtml") && d.getCurrentUrl().contains("state=failed"));
        browser.waitUntil(d ->
                !d.findElements(By.cssSelector("tr[data-rk] .qj-state-failed")).isEmpty());
    }

    private static void progress(JobRows.Stored job, int percent, String message) {
        JobRows.execute(
                "UPDATE queue_job SET progress = ?, progress_message = ? WHERE id = ?", percent, message, job.id());
    }
}
