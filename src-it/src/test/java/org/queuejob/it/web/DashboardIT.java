package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.queuejob.it.support.DeployedDemoEar;

/** The dashboard, the page a login lands on: counts by channel and state, the hourly chart, slow and old jobs. */
@ExtendWith({DeployedDemoEar.class, ScreenshotOnFailure.class})
class DashboardIT {

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

        WebElement chart =
                browser.driver().findElement(By.cssSelector("#dashboardForm\\:throughputChart svg, svg.qj-chart"));
        List<WebElement> bars = chart.findElements(By.cssSelector("g.qj-bar"));
        assertThat(bars).hasSize(24);
        String hour =
                DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC).format(nightHour);
        WebElement nightBar = bars.stream()
                .filter(bar -> bar.findElement(By.tagName("title"))
                        .getAttribute("textContent")
                        .startsWith(hour + " UTC:"))
                .findFirst()
                .orElseThrow();
        assertThat(nightBar.findElement(By.tagName("title")).getAttribute("textContent"))
                .matches(hour + " UTC: [1-9]\\d* done, [1-9]\\d* failed");
        assertThat(Double.parseDouble(nightBar.findElement(By.cssSelector("rect.qj-bar-failed"))
                        .getAttribute("height")))
                .as("height of the failed bar at " + hour)
                .isPositive();
        assertThat(browser.driver().findElement(By.id("dashboardForm:slowest")).getText())
                .contains("Fixture.job")
                .contains("987.654");
        WebElement oldest = browser.driver().findElement(By.id("dashboardForm:oldest"));
        assertThat(oldest.findElement(By.xpath(".//tr[td[normalize-space()='" + channel + "']]"))
                        .getText())
                .contains("Oldest waiting fixture");
        browser.screenshotFullPage("dashboard");
    }
}
