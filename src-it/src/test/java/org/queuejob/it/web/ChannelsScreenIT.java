package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Channels screen: the tree with live counts from the database, edit, pause and resume, a new channel's record and
 * a record's deletion.
 */
class ChannelsScreenIT extends BrowserTest {

    @BeforeEach
    void login() {
        browser.loginAsManager();
    }

    static String rowXpath(String completeName) {
        return "//tbody[@id='channelsForm:channels_data']/tr[.//span[@title='" + completeName + "']]";
    }

    static WebElement row(Browser browser, String completeName) {
        return browser.waitUntil(d -> d.findElement(By.xpath(rowXpath(completeName))));
    }

    static String cell(Browser browser, String completeName, String id) {
        return row(browser, completeName)
                .findElement(By.cssSelector("[id$=':" + id + "']"))
                .getText();
    }

    /**
     * Clicks one of a row's actions, found again when the live counts re-render the table between finding it and
     * clicking it (a fresh-clone check of 2026-12-02 failed on a stale row otherwise).
     */
    private void clickInRow(String completeName, String action) {
        String suffix = ":" + action;
        browser.click(By.xpath(rowXpath(completeName) + "//*[substring(@id, string-length(@id) - "
                + (suffix.length() - 1) + ") = '" + suffix + "']"));
    }

    private WebElement row(String completeName) {
        return row(browser, completeName);
    }

    private String cell(String completeName, String id) {
        return cell(browser, completeName, id);
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

        openEditor(channel);
        assertThat(browser.waitFor(By.id("channelDialogForm:editName")).getText())
                .isEqualTo(channel);
        browser.type(By.id("channelDialogForm:editCapacity"), "3");
        browser.type(By.id("channelDialogForm:editThrottle"), "2");
        browser.type(By.id("channelDialogForm:editRemoval"), "7");
        browser.click(By.id("channelDialogForm:saveChannel"));

        browser.waitUntil(d -> cell(channel, "capacity").equals("3"));
        assertThat(cell(channel, "throttle")).isEqualTo("2");
        assertThat(cell(channel, "removal")).isEqualTo("7");
        assertThat(JobRows.queryString(
                        "SELECT capacity || ' ' || throttle_seconds || ' ' || removal_interval_days || ' ' || paused"
                                + " FROM queue_job_channel WHERE complete_name = ?",
                        channel))
                .isEqualTo("3 2 7 false");

        clickInRow(channel, "pause");
        browser.waitUntil(d -> cell(channel, "paused").equals("Paused"));
        assertThat(JobRows.queryString("SELECT paused FROM queue_job_channel WHERE complete_name = ?", channel))
                .isEqualTo("true");

        clickInRow(channel, "resume");
        browser.waitUntil(d -> cell(channel, "paused").equals("Running"));
        assertThat(JobRows.queryString("SELECT paused FROM queue_job_channel WHERE complete_name = ?", channel))
                .isEqualTo("false");
    }

    @Test
    void inconsistentSettings_areRefusedWithTheSchedulersMessage() {
        String channel = JobRows.uniqueChannel("channels-bad");
        JobRows.aJob(channel).store();

        browser.open("/channels.xhtml");
        openEditor(channel);
        browser.type(By.id("channelDialogForm:editCapacity"), "2");
        browser.click(By.cssSelector("#channelDialogForm\\:editSequential .ui-chkbox-box"));
        browser.click(By.id("channelDialogForm:saveChannel"));

        // In the dialog's own message area, not behind its overlay.
        browser.waitUntil(d -> d.findElement(By.id("channelDialogForm:channelMessages"))
                .getText()
                .contains("must have a capacity of 1"));
        assertThat(JobRows.count("SELECT count(*) FROM queue_job_channel WHERE complete_name = ?", channel))
                .isZero();
    }

    /**
     * A channel added above the one the manager pauses, between the drawing and the click: the refresh under way lands
     * first and gives the row's place to the new channel. The channel chosen is paused, not the one now in its place
     * (before, the button named its row by place, and the new channel was paused).
     */
    @Test
    void pauseClickedWhileARefreshAddsAChannelAbove_pausesTheChannelChosen() {
        String prefix = JobRows.uniqueChannel("race");
        configure(prefix + "-c");
        browser.open("/channels.xhtml");
        String pause =
                row(prefix + "-c").findElement(By.cssSelector("[id$=':pause']")).getAttribute("id");

        configure(prefix + "-b");
        browser.script("PF('channelsRefresh').cfg.fn(); document.getElementById(arguments[0]).click();", pause);
        browser.waitForPrimeFacesAjax();

        String pausedOnes = "SELECT string_agg(complete_name, ',') FROM queue_job_channel"
                + " WHERE complete_name LIKE ? AND paused";
        browser.waitUntil(d -> JobRows.queryString(pausedOnes, prefix + "%") != null);
        assertThat(JobRows.queryString(pausedOnes, prefix + "%")).isEqualTo(prefix + "-c");
        browser.waitUntil(d -> cell(prefix + "-c", "paused").equals("Paused"));
        assertThat(cell(prefix + "-b", "paused")).isEqualTo("Running");
    }

    /**
     * A running channel added above a paused one whose Resume the manager clicks, between the drawing and the click:
     * the refresh under way lands first and gives the row's place to the running channel, which has nothing to resume.
     * The channel chosen is resumed. Before, the Resume button was left out of the running channel's row, and the
     * click was lost without a word.
     */
    @Test
    void resumeClickedWhileARefreshPutsARunningChannelInItsPlace_resumesTheChannelChosen() {
        String prefix = JobRows.uniqueChannel("race-resume");
        configure(prefix + "-c");
        Api.Reply paused = Api.asManager().post("/channels/" + prefix + "-c/pause", "{}");
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        browser.open("/channels.xhtml");
        browser.waitUntil(d -> cell(prefix + "-c", "paused").equals("Paused"));
        String resume = row(prefix + "-c")
                .findElement(By.cssSelector("[id$=':resume']"))
                .getAttribute("id");

        configure(prefix + "-b");
        browser.script("PF('channelsRefresh').cfg.fn(); document.getElementById(arguments[0]).click();", resume);
        browser.waitForPrimeFacesAjax();

        String pausedOnes = "SELECT coalesce(string_agg(complete_name, ','), 'none') FROM queue_job_channel"
                + " WHERE complete_name LIKE ? AND paused";
        browser.waitUntil(d -> JobRows.queryString(pausedOnes, prefix + "%").equals("none"));
        browser.waitUntil(d -> cell(prefix + "-c", "paused").equals("Running"));
        assertThat(cell(prefix + "-b", "paused")).isEqualTo("Running");
    }

    /**
     * A save refused by the converter (capacity "abc") on one channel, then the dialog closed and another channel
     * edited: the dialog shows the other channel's own values, and saving its capacity keeps its throttle and removal
     * interval. Before, the refused save's values stayed in the dialog's fields (component state): root.billing's
     * dialog showed root.mail's throttle 0 and removal 30, and "saved" wrote them over its 60 and 365.
     */
    @Test
    void aSaveRefusedOnOneChannel_leavesNoneOfItsValuesInTheNextChannelsDialog_norInThatChannelsRecord() {
        String prefix = JobRows.uniqueChannel("reset");
        String mail = prefix + "-mail";
        String billing = prefix + "-billing";
        put(mail, "{\"capacity\":2,\"throttleSeconds\":0,\"removalIntervalDays\":30}");
        put(billing, "{\"capacity\":5,\"throttleSeconds\":60,\"removalIntervalDays\":365}");
        browser.open("/channels.xhtml");

        openEditor(mail);
        browser.type(By.id("channelDialogForm:editCapacity"), "abc");
        browser.click(By.id("channelDialogForm:saveChannel"));
        browser.waitUntil(d -> d.findElement(By.id("channelDialogForm:channelMessages"))
                .getText()
                .contains("Capacity: a whole number from 0 to 100,000."));
        browser.click(By.cssSelector("#channelDialogForm\\:channelDialog .ui-dialog-titlebar-close"));
        browser.waitUntil(
                d -> !d.findElement(By.id("channelDialogForm:channelDialog")).isDisplayed());

        openEditor(billing);
        assertThat(field("editCapacity")).isEqualTo("5");
        assertThat(field("editThrottle")).isEqualTo("60");
        assertThat(field("editRemoval")).isEqualTo("365");
        browser.type(By.id("channelDialogForm:editCapacity"), "3");
        browser.click(By.id("channelDialogForm:saveChannel"));

        browser.waitUntil(
                d -> d.findElement(By.id("channelsForm:messages")).getText().contains("saved"));
        assertThat(settings(billing)).isEqualTo("3 60 365");
        assertThat(settings(mail)).as("the refused save changed nothing").isEqualTo("2 0 30");
    }

    /**
     * A channel that only has jobs keeps them as long as its nearest configured parent says (the autovacuum's rule):
     * the tree, the dialog and the API show that interval and whose it is, and a first save of its capacity alone
     * stores it. Before, they showed 30 days and the save stored 30 while the parent said 365.
     */
    @Test
    void aChannelWithoutARecord_showsItsParentsRemovalInterval_andAFirstSaveOfItsCapacityKeepsIt() {
        String parent = JobRows.uniqueChannel("inherit");
        String child = parent + ".child";
        put(parent, "{\"capacity\":4,\"removalIntervalDays\":365}");
        JobRows.aJob(child).store();

        browser.open("/channels.xhtml");
        browser.waitUntil(d -> cell(child, "removal").equals("365"));
        assertThat(cell(child, "removalFrom")).contains("from " + parent);
        assertThat(row(parent).findElements(By.cssSelector("[id$=':removalFrom']")))
                .as("a record's own interval has no note")
                .isEmpty();
        Api.Reply listed = Api.asManager().get("/channels/" + child);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().getInt("removalIntervalDays")).isEqualTo(365);
        assertThat(listed.json().getString("removalIntervalFrom")).isEqualTo(parent);

        openEditor(child);
        assertThat(field("editRemoval")).isEqualTo("365");
        assertThat(browser.waitFor(By.id("channelDialogForm:editRemovalInherited"))
                        .getText())
                .contains("inherited from " + parent);
        browser.screenshot("channels-dialog-inherited");
        browser.type(By.id("channelDialogForm:editCapacity"), "3");
        browser.click(By.id("channelDialogForm:saveChannel"));

        browser.waitUntil(
                d -> d.findElement(By.id("channelsForm:messages")).getText().contains("saved"));
        assertThat(settings(child)).isEqualTo("3 0 365");
        browser.waitUntil(d -> cell(child, "capacity").equals("3"));
        assertThat(row(child).findElements(By.cssSelector("[id$=':removalFrom']")))
                .as("now its own")
                .isEmpty();
    }

    /**
     * A channel that has neither settings nor jobs yet, typed in the New channel dialog with its settings: created
     * under its parent, with the parent's removal interval when none is typed.
     */
    @Test
    void managerCreatesAChannelThatHasNoJobsYet_withItsSettings() {
        String parent = JobRows.uniqueChannel("create");
        String channel = parent + ".eu";
        put(parent, "{\"capacity\":4,\"removalIntervalDays\":20}");
        browser.open("/channels.xhtml");

        openNewChannel();
        browser.type(By.id("newChannelForm:newName"), channel);
        browser.type(By.id("newChannelForm:newCapacity"), "2");
        browser.type(By.id("newChannelForm:newThrottle"), "3");
        browser.screenshot("channels-new-dialog");
        browser.click(By.id("newChannelForm:createChannel"));

        browser.waitUntil(d ->
                d.findElement(By.id("channelsForm:messages")).getText().contains("Channel " + channel + " created"));
        assertThat(settings(channel)).as("no interval typed: its parent's").isEqualTo("2 3 20");
        browser.waitUntil(d -> cell(channel, "capacity").equals("2"));
        assertThat(row(channel).getText()).doesNotContain("not configured");
        browser.waitUntil(
                d -> !d.findElement(By.id("newChannelForm:newChannelDialog")).isDisplayed());
    }

    /**
     * A name that breaks the grammar, one that does not start at root and one that has settings already: each
     * refused in the dialog with the service's sentence, the dialog open with what was typed, nothing stored.
     */
    @Test
    void aNewChannelsBadName_isRefusedInTheDialog_whichKeepsWhatWasTyped_andNothingIsStored() {
        String channel = JobRows.uniqueChannel("create-bad");
        browser.open("/channels.xhtml");

        openNewChannel();
        browser.type(By.id("newChannelForm:newName"), channel + " eu");
        browser.type(By.id("newChannelForm:newCapacity"), "4");
        browser.type(By.id("newChannelForm:newRemoval"), "12");
        browser.click(By.id("newChannelForm:createChannel"));

        browser.waitUntil(
                d -> newChannelMessages().contains("Channel name '" + channel + " eu' is not a channel name"));
        assertThat(browser.waitFor(By.id("newChannelForm:newChannelDialog")).isDisplayed())
                .isTrue();
        assertThat(newField("newName")).isEqualTo(channel + " eu");
        assertThat(newField("newCapacity")).isEqualTo("4");
        assertThat(newField("newRemoval")).isEqualTo("12");

        browser.type(By.id("newChannelForm:newName"), channel.substring("root.".length()));
        browser.click(By.id("newChannelForm:createChannel"));
        browser.waitUntil(d ->
                newChannelMessages().contains("A channel's complete name starts with root (e.g. " + channel + ")"));

        browser.type(By.id("newChannelForm:newName"), "root");
        browser.click(By.id("newChannelForm:createChannel"));
        browser.waitUntil(d -> newChannelMessages().contains("Channel root exists already"));
        assertThat(newField("newCapacity")).isEqualTo("4");

        assertThat(JobRows.count("SELECT count(*) FROM queue_job_channel WHERE complete_name LIKE ?", "%create-bad%"))
                .isZero();
    }

    /**
     * Deleting the settings of a channel that queue-job.channels does not declare: the dialog says first where its
     * jobs will run and for how long they are then kept; the record goes, and the channel shows as not configured,
     * under its parent's interval.
     */
    @Test
    void deletingTheSettingsOfAChannelNothingDeclares_saysWhatBecomesOfItsJobs_thenTheyRunUnderItsParent() {
        String parent = JobRows.uniqueChannel("delete");
        String channel = parent + ".eu";
        put(parent, "{\"capacity\":4,\"removalIntervalDays\":20}");
        put(channel, "{\"capacity\":1,\"removalIntervalDays\":5}");
        JobRows.aJob(channel).store(2);
        browser.open("/channels.xhtml");
        browser.waitUntil(d -> cell(channel, "capacity").equals("1"));

        clickInRow(channel, "delete");
        browser.waitUntil(d ->
                d.findElement(By.id("deleteChannelForm:deleteChannelDialog")).isDisplayed());
        assertThat(browser.waitFor(By.id("deleteChannelForm:deleteConsequences"))
                        .getText())
                .contains("Its jobs (2 waiting, 0 running, 0 failed) then run under " + parent)
                .contains("kept for 20 days, " + parent + "'s (now 5)")
                .contains("queue-job.channels does not declare it");
        assertThat(browser.waitFor(By.id("deleteChannelForm:confirmDeleteChannel"))
                        .getText())
                .isEqualTo("Delete");
        browser.screenshot("channels-delete-dialog");
        browser.click(By.id("deleteChannelForm:confirmDeleteChannel"));

        browser.waitUntil(d -> d.findElement(By.id("channelsForm:messages"))
                .getText()
                .contains("Channel " + channel + " deleted: its jobs run under " + parent));
        assertThat(JobRows.count("SELECT count(*) FROM queue_job_channel WHERE complete_name = ?", channel))
                .isZero();
        browser.waitUntil(d -> row(channel).getText().contains("not configured"));
        assertThat(cell(channel, "removal")).isEqualTo("20");
        assertThat(cell(channel, "removalFrom")).contains("from " + parent);
    }

    /**
     * root.billing is an entry of the demo's queue-job.channels (root.billing:2): every start would create its record
     * again, so Delete says so and puts back what the entry gives it, lifts its pause and gives it root's removal
     * interval: the channel is now what the next start would make it.
     */
    @Test
    void deletingAChannelTheConfigurationDeclares_putsBackItsConfiguredSettings_afterSayingSo() {
        String channel = "root.billing";
        put(channel, "{\"throttleSeconds\":30,\"removalIntervalDays\":9}");
        Api.Reply paused = Api.asManager().post("/channels/" + channel + "/pause", "{}");
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        String rootDays = JobRows.queryString(
                "SELECT removal_interval_days::text FROM queue_job_channel WHERE complete_name = 'root'");
        browser.open("/channels.xhtml");
        browser.waitUntil(d -> cell(channel, "paused").equals("Paused"));

        clickInRow(channel, "delete");
        browser.waitUntil(d ->
                d.findElement(By.id("deleteChannelForm:deleteChannelDialog")).isDisplayed());
        assertThat(browser.waitFor(By.id("deleteChannelForm:deleteConsequences"))
                        .getText())
                .contains("queue-job.channels has an entry for root.billing")
                .contains("its record stays")
                .contains("capacity 2, not sequential, no throttle")
                .contains("Its pause is lifted");
        assertThat(browser.waitFor(By.id("deleteChannelForm:confirmDeleteChannel"))
                        .getText())
                .isEqualTo("Put back the configured settings");
        browser.screenshot("channels-delete-declared-dialog");
        browser.click(By.id("deleteChannelForm:confirmDeleteChannel"));

        browser.waitUntil(d -> d.findElement(By.id("channelsForm:messages"))
                .getText()
                .contains("Channel root.billing has what queue-job.channels gives it again"));
        assertThat(JobRows.queryString(
                        "SELECT capacity || ' ' || throttle_seconds || ' ' || paused || ' ' || removal_interval_days"
                                + " FROM queue_job_channel WHERE complete_name = ?",
                        channel))
                .isEqualTo("2 0 false " + rootDays);
        browser.waitUntil(d -> cell(channel, "paused").equals("Running"));
    }

    /**
     * Root and a channel without settings have nothing to delete: their rows show no Delete, and one sent anyway (as a
     * refresh moved the row) is answered on the page, with no dialog.
     */
    @Test
    void rootAndAChannelWithoutSettings_showNoDelete_andADeleteSentAnywaySaysWhy() {
        String channel = JobRows.uniqueChannel("delete-none");
        JobRows.aJob(channel).store();
        browser.open("/channels.xhtml");
        row(channel);

        for (String name : new String[] {"root", channel}) {
            assertThat(row(name).findElements(By.cssSelector("[id$=':delete']")).stream()
                            .filter(WebElement::isDisplayed))
                    .as(name)
                    .isEmpty();
        }
        String rootDelete =
                row("root").findElement(By.cssSelector("[id$=':delete']")).getAttribute("id");
        browser.script("document.getElementById(arguments[0]).click();", rootDelete);
        browser.waitForPrimeFacesAjax();
        browser.waitUntil(d -> d.findElement(By.id("channelsForm:messages"))
                .getText()
                .contains("The root channel cannot be deleted: every job runs under it."));

        String channelDelete =
                row(channel).findElement(By.cssSelector("[id$=':delete']")).getAttribute("id");
        browser.script("document.getElementById(arguments[0]).click();", channelDelete);
        browser.waitForPrimeFacesAjax();
        browser.waitUntil(d -> d.findElement(By.id("channelsForm:messages"))
                .getText()
                .contains("Channel " + channel + " has no settings of its own, so there is nothing to delete: its"
                        + " jobs run under root."));
        assertThat(browser.shown(By.id("deleteChannelForm:deleteChannelDialog")))
                .isEmpty();
    }

    @Test
    void aViewer_isShownNeitherNewChannelNorDelete() {
        browser.startAfresh();
        browser.loginAsViewer();
        browser.open("/channels.xhtml");
        row("root");

        assertThat(browser.driver().findElements(By.id("channelsForm:newChannel")))
                .isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("[id$=':delete']")))
                .isEmpty();
        assertThat(browser.driver().findElements(By.id("newChannelForm"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("deleteChannelForm"))).isEmpty();
    }

    private void openNewChannel() {
        browser.click(By.id("channelsForm:newChannel"));
        browser.waitUntil(
                d -> d.findElement(By.id("newChannelForm:newChannelDialog")).isDisplayed());
    }

    /** What a field of the New channel dialog shows. */
    private String newField(String id) {
        return browser.waitFor(By.id("newChannelForm:" + id)).getAttribute("value");
    }

    private String newChannelMessages() {
        return browser.driver()
                .findElement(By.id("newChannelForm:newChannelMessages"))
                .getText();
    }

    private void openEditor(String completeName) {
        clickInRow(completeName, "edit");
        browser.waitUntil(d ->
                d.findElement(By.id("channelDialogForm:editName")).getText().equals(completeName));
    }

    /** What a field of the dialog shows. */
    private String field(String id) {
        return browser.waitFor(By.id("channelDialogForm:" + id)).getAttribute("value");
    }

    /** Capacity, throttle and removal interval as stored. */
    private static String settings(String channel) {
        return JobRows.queryString(
                "SELECT coalesce(capacity::text, 'unlimited') || ' ' || throttle_seconds || ' ' || removal_interval_days"
                        + " FROM queue_job_channel WHERE complete_name = ?",
                channel);
    }

    private static void put(String channel, String json) {
        Api.Reply reply = Api.asManager().put("/channels/" + channel, json);
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 204);
    }

    /** A channel configured through the API, as another manager would: it has a pause button. */
    private static void configure(String channel) {
        Api.Reply reply = Api.asManager().put("/channels/" + channel, "{\"capacity\":3}");
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 204);
    }
}
