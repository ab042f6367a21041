package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.queuejob.it.support.HeldLock;

/**
 * The dashboard, the page a login lands on: counts by channel and state, the hourly chart, slow and old jobs, and the
 * servers.
 */
class DashboardIT extends BrowserTest {

    /**
     * Chart.js's own state for the canvas of the hourly chart, once drawn: its labels, and the given hour's done and
     * failed counts with the failed bar part's drawn height (null until the chart exists).
     */
    private static final String CHART_AT_HOUR = """
            const chart = window.Chart && Chart.getChart('dashboardForm:throughputChart_canvas');
            if (!chart) { return null; }
            const i = chart.data.labels.indexOf(arguments[0]);
            if (i < 0) { return null; }
            const failed = chart.getDatasetMeta(1).data[i];
            return {labels: chart.data.labels, done: chart.data.datasets[0].data[i] || 0,
                    failed: chart.data.datasets[1].data[i] || 0, failedPixels: failed ? failed.height : 0};
            """;

    @Test
    void afterLogin_theDashboardShowsCountsChartSlowestAndOldest() {
        String channel = JobRows.uniqueChannel("dashboard");
        JobRows.aJob(channel)
                .description("Oldest waiting fixture")
                .createdAgo(Duration.ofHours(5))
                .store();
        JobRows.aJob(channel).store(2);
        JobRows.aFailedJob(channel, "java.lang.IllegalStateException", "Boom").store();
        JobRows.aDoneJob(channel, 987_654).store();
        // A failure 20 hours ago: on a fresh run, before the demo's own traffic began, so the bar of that hour is ours.
        Instant nightFailure = Instant.now().minus(Duration.ofHours(20));
        String nightChannel = JobRows.uniqueChannel("dashboard-night");
        JobRows.aFailedJob(nightChannel, "java.io.IOException", "Disk full at night")
                .started(nightFailure, 1500)
                .store();
        // Two jobs done in that hour, a minute apart: counted from the kept per-minute counts, not live.
        Instant nightHour = nightFailure.truncatedTo(ChronoUnit.HOURS);
        JobRows.aDoneJob(nightChannel, 700)
                .started(nightHour.plusSeconds(10), 700)
                .done()
                .store();
        JobRows.aDoneJob(nightChannel, 900)
                .started(nightHour.plusSeconds(75), 900)
                .done()
                .store();
        // Ended jobs are counted once per minute that has passed; an earlier test's look may have counted those
        // minutes already, before these rows (written into the past) existed: let the next look count them again.
        JobRows.execute(
                "DELETE FROM queue_job_count_period WHERE period_start >= ? AND period_start < ?",
                java.sql.Timestamp.from(nightHour),
                java.sql.Timestamp.from(nightHour.plus(Duration.ofHours(1))));

        browser.open("/");
        browser.driver().findElement(By.id("username")).sendKeys(Browser.property("queuejob.manager.user"));
        browser.driver().findElement(By.id("password")).sendKeys(Browser.property("queuejob.manager.password"));
        browser.click(By.id("login"));

        WebElement matrix = browser.waitFor(By.id("stateChannelCounts"));
        assertThat(browser.driver().getTitle()).startsWith("Dashboard");
        WebElement row = matrix.findElement(By.xpath(".//tbody/tr[th[normalize-space()='" + channel + "']]"));
        // Columns: channel, then the states in order (wait deps, pending, enqueued, started, done, cancelled, failed).
        assertThat(row.findElements(By.tagName("td")))
                .extracting(WebElement::getText)
                .containsExactly("", "3", "", "", "1", "", "1");

        WebElement night = matrix.findElement(By.xpath(".//tbody/tr[th[normalize-space()='" + nightChannel + "']]"));
        assertThat(night.findElements(By.tagName("td")))
                .extracting(WebElement::getText)
                .containsExactly("", "", "", "", "2", "", "1");

        // The chart as Chart.js drew it: its hours, counts and the failed part's height in pixels.
        String hour =
                DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC).format(nightHour);
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn =
                browser.waitUntil(driver -> (Map<String, Object>) browser.script(CHART_AT_HOUR, hour));
        assertThat((List<?>) drawn.get("labels")).hasSize(24);
        assertThat(((Number) drawn.get("done")).longValue())
                .as("done at " + hour)
                .isGreaterThanOrEqualTo(2);
        assertThat(((Number) drawn.get("failed")).longValue())
                .as("failed at " + hour)
                .isGreaterThanOrEqualTo(1);
        assertThat(((Number) drawn.get("failedPixels")).doubleValue())
                .as("height of the failed bar at " + hour)
                .isGreaterThanOrEqualTo(3);
        assertThat(browser.driver()
                        .findElement(By.id("dashboardForm:throughputChart_canvas"))
                        .getAttribute("aria-label"))
                .matches(
                        "Jobs done and failed per hour over the last 24 hours: [\\d,]+ done, [\\d,]+ failed in all\\.");
        assertThat(browser.cspViolations()).isEmpty();
        assertThat(browser.driver().findElement(By.id("dashboardForm:slowest")).getText())
                .contains("Fixture.job")
                .contains("987.654");
        WebElement oldest = browser.driver().findElement(By.id("dashboardForm:oldest"));
        assertThat(oldest.findElement(By.xpath(".//tr[td[normalize-space()='" + channel + "']]"))
                        .getText())
                .contains("Oldest waiting fixture");
        browser.screenshotFullPage("dashboard");
    }

    /**
     * The Servers card: the demo's server leads and is alive; of two servers that stopped beating 15 minutes ago
     * without leaving (their records stay a day), the one whose process still holds its liveness lock is shown silent
     * and the one whose lock has no holder ended, each saying why and that its jobs go back, neither as alive.
     */
    @Test
    void theServersCard_showsTheLeaderAlive_aHungServerSilent_andACrashedOneEnded() {
        String hung = "hung-" + UUID.randomUUID() + "@host/domain";
        String crashed = "crashed-" + UUID.randomUUID() + "@host/domain";
        int hungKey = 1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
        JobRows.aServerSilentForFifteenMinutes(hung, hungKey);
        JobRows.aServerSilentForFifteenMinutes(crashed, hungKey + 1);
        try (HeldLock process = JobRows.livenessLock(hungKey)) {
            browser.loginAsViewer();
            browser.open("/dashboard.xhtml");

            WebElement servers = browser.waitFor(By.id("dashboardForm:servers"));
            assertThat(row(servers, hung).getText())
                    .contains("SILENT")
                    .contains("No heartbeat for over 30 s (queue-job.dead-after-seconds): taken for dead; its jobs go"
                            + " back to pending.")
                    .contains("15 min 0")
                    .doesNotContain("LEADER", "ALIVE");
            assertThat(row(servers, crashed).getText())
                    .contains("ENDED")
                    .contains("Its process or its session with the database is gone; its jobs go back to pending.")
                    .doesNotContain("LEADER", "ALIVE");
            // The demo's server takes the lead at its first poll after its deployment: look again until it has.
            WebElement leader = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> {
                                List<WebElement> leaders = browser.driver()
                                        .findElements(
                                                By.xpath(
                                                        "//*[@id='dashboardForm:servers']//tr[.//*[normalize-space()='leader']]"));
                                if (leaders.isEmpty()) {
                                    browser.open("/dashboard.xhtml");
                                    return null;
                                }
                                assertThat(leaders)
                                        .as("rows with the leader's badge")
                                        .hasSize(1);
                                return leaders.get(0);
                            },
                            Objects::nonNull);
            assertThat(leader.getText()).contains("ALIVE").doesNotContain("taken for dead");
            assertThat(browser.shown(By.xpath("//*[@id='dashboardForm:servers']//button")))
                    .as("a viewer is shown no Quiet or Resume button")
                    .isEmpty();
            browser.script("document.getElementById('dashboardForm:servers').scrollIntoView()");
            browser.screenshot("dashboard-servers");
        } finally {
            JobRows.execute("DELETE FROM queue_job_instance WHERE name IN (?, ?)", hung, crashed);
        }
    }

    /**
     * A server's "jobs held" opens the job list on the jobs it holds: its running one, not one it ran before. Another
     * server's, alive: a started row stored under the demo's own server, which does not hold it, is a run whose end
     * could not be recorded, and that server takes it back and runs it.
     */
    @Test
    void aServersJobsHeld_openTheJobListOnTheJobsItHolds() {
        JobRows.LiveServer live = JobRows.aLiveServer("held");
        String server = live.name();
        String channel = JobRows.uniqueChannel("dashboard-held");
        JobRows.Stored running = JobRows.aJob(channel)
                .state("started")
                .startedAgo(Duration.ofMinutes(2))
                .worker(server)
                .store();
        JobRows.Stored ranBefore = JobRows.aDoneJob(channel, 400).worker(server).store();
        try (live) {
            browser.loginAsViewer();
            browser.open("/dashboard.xhtml");
            By held = By.xpath("//*[@id='dashboardForm:servers']//tr[td[contains(., '" + server
                    + "')]]//a[contains(@id, 'serverJobs')]");
            assertThat(browser.waitFor(held).getText()).contains("started");
            browser.click(held);

            browser.waitFor(By.cssSelector("tr[data-rk='" + running.uuid() + "']"));
            assertThat(browser.driver().findElement(By.id("jobsForm:worker")).getAttribute("value"))
                    .isEqualTo(server);
            assertThat(browser.shown(By.cssSelector("tr[data-rk='" + ranBefore.uuid() + "']")))
                    .as("the done job the server ran before")
                    .isEmpty();
        } finally {
            JobRows.delete(running, ranBefore);
        }
    }

    /**
     * A manager makes the server quiet from its row, and lets it take jobs again: the row, the card's warning (the only
     * server here takes no job) and the server's record say so each time.
     */
    @Test
    void aManagerQuietsAServerFromItsRow_theCardSaysNoServerTakesJobs_thenResumesIt() {
        String server = ApiIT.thisServer();
        By quiet = By.xpath(rowOf(server) + "//button[contains(@id, 'quietServer')]");
        By resume = By.xpath(rowOf(server) + "//button[contains(@id, 'resumeServer')]");
        try {
            browser.loginAsManager();
            browser.open("/dashboard.xhtml");
            browser.click(quiet);

            assertThat(browser.waitFor(By.id("dashboardForm:serverMessages")).getText())
                    .contains("Server " + server + " is quiet: it takes no new jobs and finishes those it holds.");
            assertThat(browser.waitFor(By.xpath(rowOf(server) + "//*[contains(@id, 'serverQuiet')]"))
                            .getText())
                    .isEqualToIgnoringCase("quiet");
            assertThat(browser.waitFor(By.xpath(rowOf(server))).getText())
                    .contains("Quiet since")
                    .contains("(manager)")
                    .contains("Resume");
            assertThat(browser.shown(quiet)).isEmpty();
            assertThat(browser.waitFor(By.id("dashboardForm:serversWarning")).getText())
                    .isEqualTo("No running server takes new jobs: every one is quiet. Jobs wait until one takes jobs"
                            + " again.");
            assertThat(JobRows.queryString(
                            "SELECT coalesce(quiet_by, '') FROM queue_job_instance WHERE name = ?", server))
                    .isEqualTo("manager");
            browser.script("document.getElementById('dashboardForm:serverMessages').scrollIntoView()");
            browser.screenshot("dashboard-server-quiet");

            browser.click(resume);

            assertThat(browser.waitFor(By.id("dashboardForm:serverMessages")).getText())
                    .contains("Server " + server + " takes jobs again.");
            assertThat(browser.waitFor(quiet).isDisplayed()).isTrue();
            assertThat(browser.shown(By.xpath(rowOf(server) + "//*[contains(@id, 'serverQuiet')]")))
                    .as("the quiet badge")
                    .isEmpty();
            assertThat(browser.waitFor(By.xpath(rowOf(server))).getText()).doesNotContain("Quiet since");
            assertThat(browser.shown(By.id("dashboardForm:serversWarning"))).isEmpty();
            assertThat(JobRows.count(
                            "SELECT count(*) FROM queue_job_instance WHERE name = ? AND quiet_since IS NULL", server))
                    .isEqualTo(1);
        } finally {
            Api.asManager().post("/servers/resume", ApiIT.serverBody(server));
        }
    }

    /**
     * The server is made quiet elsewhere (the API, another manager) after the dashboard drew its Quiet button, and the
     * manager then clicks it: the click is answered, the server stays quiet. Before, the card, read again with the
     * click, left the button out of the now quiet server's row and the click was dropped without a word; the same
     * held for Resume.
     */
    @Test
    void aQuietClickedAfterTheServerWentQuietElsewhere_isAnswered_notDroppedWithoutAWord() {
        String server = ApiIT.thisServer();
        Api manager = Api.asManager();
        try {
            browser.loginAsManager();
            browser.open("/dashboard.xhtml");
            String quiet = browser.waitFor(By.xpath(rowOf(server) + "//button[contains(@id, 'quietServer')]"))
                    .getAttribute("id");
            assertThat(manager.post("/servers/quiet", ApiIT.serverBody(server)).status())
                    .isEqualTo(200);

            // By its id, as the button drawn before: a refresh meanwhile may have hidden it, never removed it.
            browser.script("document.getElementById(arguments[0]).click();", quiet);
            browser.waitForPrimeFacesAjax();

            assertThat(browser.waitFor(By.id("dashboardForm:serverMessages")).getText())
                    .contains("Server " + server + " is quiet: it takes no new jobs and finishes those it holds.");
            assertThat(browser.waitFor(By.xpath(rowOf(server) + "//button[contains(@id, 'resumeServer')]"))
                            .isDisplayed())
                    .isTrue();
            String resume = browser.driver()
                    .findElement(By.xpath(rowOf(server) + "//button[contains(@id, 'resumeServer')]"))
                    .getAttribute("id");
            assertThat(manager.post("/servers/resume", ApiIT.serverBody(server)).status())
                    .isEqualTo(200);

            browser.script("document.getElementById(arguments[0]).click();", resume);
            browser.waitForPrimeFacesAjax();

            browser.waitUntil(d -> d.findElement(By.id("dashboardForm:serverMessages"))
                    .getText()
                    .contains("Server " + server + " takes jobs again."));
            assertThat(JobRows.count(
                            "SELECT count(*) FROM queue_job_instance WHERE name = ? AND quiet_since IS NULL", server))
                    .isEqualTo(1);
        } finally {
            manager.post("/servers/resume", ApiIT.serverBody(server));
        }
    }

    private static String rowOf(String server) {
        return "//*[@id='dashboardForm:servers']//tr[td[contains(., '" + server + "')]]";
    }

    private static WebElement row(WebElement table, String server) {
        return table.findElement(By.xpath(".//tr[td[contains(., '" + server + "')]]"));
    }
}
