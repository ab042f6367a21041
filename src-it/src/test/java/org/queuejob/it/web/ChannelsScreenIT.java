package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.queuejob.it.support.DeployedDemoEar;

/** The Channels screen: the tree with live counts from the database, edit, pause and resume. */
@ExtendWith({DeployedDemoEar.class, ScreenshotOnFailure.class})
class ChannelsScreenIT {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
        browser.loginAsManager();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    private WebElement row(String completeName) {
        return browser.waitUntil(d -> d.findElement(
                By.xpath("//tbody[@id='channelsForm:channels_data']/tr[.//span[@title='" + completeName + "']]")));
    }

    private String cell(String completeName, String id) {
        return row(completeName)
                .findElement(By.cssSelector("[id$=':" + id + "']"))
                .getText();
    }

    @Test
    void channelWithJobs_showsLiveCounts_andCanBeConfiguredPausedAndResumed() {
        String channel = JobRows.uniqueChannel("channels");
        JobRows.aJob(channel).store(3);
        JobRows.aFailedJob(channel, "java.lang.IllegalStateException", "Boom").store();
        JobRows.aDoneJob(channel, 10).store();

        browser.open("/channels.xhtml");
        assertThat(cell(channel, "waiting")).isEqualTo("3");
        assertThat(cell(channel, "running")).isEqualTo("0");
        assertThat(cell(channel, "failed")).isEqualTo("1");
        assertThat(row(channel).getText()).contains("not configured");
        assertThat(cell("root", "capacity")).isNotBlank();

        // More jobs arrive: the page shows them by itself.
        JobRows.aJob(channel).store();
        browser.waitUntil(d -> cell(channel, "waiting").equals("4"));
        browser.screenshot("channels");

        row(channel).findElement(By.cssSelector("[id$=':edit']")).click();
        browser.waitForPrimeFacesAjax();
        assertThat(browser.waitFor(By.id("channelDialogForm:editName")).getText())
                .isEqualTo(channel);
        browser.type(By.id("channelDialogForm:editCapacity_input"), "3");
        browser.type(By.id("channelDialogForm:editThrottle_input"), "2");
        browser.type(By.id("channelDialogForm:editRemoval_input"), "7");
        browser.click(By.id("channelDialogForm:saveChannel"));

        browser.waitUntil(d -> cell(channel, "capacity").equals("3"));
        assertThat(cell(channel, "throttle")).isEqualTo("2");
        assertThat(cell(channel, "removal")).isEqualTo("7");
        assertThat(JobRows.queryString(
                        "SELECT capacity || ' ' || throttle_seconds || ' ' || removal_interval_days || ' ' || paused"
                                + " FROM queue_job_channel WHERE complete_name = ?",
                        channel))
                .isEqualTo("3 2 7 false");

        row(channel).findElement(By.cssSelector("[id$=':pause']")).click();
        browser.waitForPrimeFacesAjax();
        browser.waitUntil(d -> cell(channel, "paused").equals("Paused"));
        assertThat(JobRows.queryString("SELECT paused FROM queue_job_channel WHERE complete_name = ?", channel))
                .isEqualTo("true");

        row(channel).findElement(By.cssSelector("[id$=':resume']")).click();
        browser.waitForPrimeFacesAjax();
        browser.waitUntil(d -> cell(channel, "paused").equals("Running"));
        assertThat(JobRows.queryString("SELECT paused FROM queue_job_channel WHERE complete_name = ?", channel))
                .isEqualTo("false");
    }

    @Test
    void inconsistentSettings_areRefusedWithTheSchedulersMessage() {
        String channel = JobRows.uniqueChannel("channels-bad");
        JobRows.aJob(channel).store();

        browser.open("/channels.xhtml");
        row(channel).findElement(By.cssSelector("[id$=':edit']")).click();
        browser.waitForPrimeFacesAjax();
        browser.type(By.id("channelDialogForm:editCapacity_input"), "2");
        browser.click(By.id("channelDialogForm:editSequential"));
        browser.click(By.id("channelDialogForm:saveChannel"));

        browser.waitUntil(
                d -> d.findElement(By.id("channelsForm:messages")).getText().contains("must have a capacity of 1"));
        assertThat(JobRows.count("SELECT count(*) FROM queue_job_channel WHERE complete_name = ?", channel))
                .isZero();
    }
}
