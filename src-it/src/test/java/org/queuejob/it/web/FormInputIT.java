package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Bad input on every form of the back office: refused with a sentence in the form's own message area (a dialog's,
 * above its overlay), never an exception text of the container, never changed behind the user's back and then saved,
 * and nothing stored. Channel names follow one grammar on every screen (job functions, job page, bulk).
 */
class FormInputIT extends BrowserTest {

    static final String REPORT = JobFunctionsScreenIT.REPORT;

    static final String PRIORITY_RULE = "Priority: a whole number from 0 to 1,000,000 (smaller runs first).";
    static final String CHANNEL_RULE = "use letters, digits, '_' and '-', with a dot between levels (e.g. root.mail)";
    static final String TOO_LONG = "Channel: a channel name has at most 255 characters.";

    /** Texts of the container, the database or Java that must never reach a page. */
    static final List<String> INTERNAL = List.of(
            "Exception",
            "EJB",
            "SQL",
            "EclipseLink",
            "rollback",
            "For input string",
            "jakarta.",
            "org.postgresql",
            "Internal Exception",
            "Error Code");

    @BeforeEach
    void login() {
        browser.loginAsManager();
    }

    @AfterEach
    void restoreTheSampleFunction() {
        JobRows.execute(
                "UPDATE queue_job_function SET channel = NULL, retry_pattern = NULL, related_action = NULL"
                        + " WHERE name = ?",
                REPORT);
    }

    // Job functions (items 6, 8) -------------------------------------------------------------------------------------

    @Test
    void jobFunctionChannel_outsideTheGrammarOrTooLong_isRefusedInTheDialog_andNothingIsStored() {
        openFunctionEditor();
        for (String bad : List.of("a".repeat(5000), "root:3", "<script>alert(1)</script>", "root..x", "mail eu")) {
            setValue(By.id("functionDialogForm:editChannel"), bad);
            browser.click(By.id("functionDialogForm:saveFunction"));

            String message = dialogMessage("functionDialogForm:functionMessages");
            assertThat(message)
                    .as(abbreviated(bad))
                    .isIn(TOO_LONG, "Channel: " + CHANNEL_RULE + ", or leave it empty for the code's default.");
            assertNothingInternal();
            assertThat(JobRows.queryString("SELECT channel FROM queue_job_function WHERE name = ?", REPORT))
                    .as(abbreviated(bad))
                    .isNull();
        }
        browser.screenshot("form-input-function-channel");

        setValue(By.id("functionDialogForm:editChannel"), "reports");
        browser.click(By.id("functionDialogForm:saveFunction"));
        browser.waitUntil(
                d -> d.findElement(By.id("functionsForm:messages")).getText().contains("saved"));
        assertThat(JobRows.queryString("SELECT channel FROM queue_job_function WHERE name = ?", REPORT))
                .isEqualTo("root.reports");
    }

    @Test
    void retryPatternWithANumberTooBigForSeconds_isRefusedWithTheOriginalsMessage() {
        openFunctionEditor();
        setValue(By.id("functionDialogForm:editRetryPattern"), "{1: 99999999999999999999}");
        browser.click(By.id("functionDialogForm:saveFunction"));

        assertThat(dialogMessage("functionDialogForm:functionMessages"))
                .startsWith("Unexpected format of Retry Pattern for " + REPORT);
        assertNothingInternal();
        assertThat(JobRows.queryString("SELECT retry_pattern FROM queue_job_function WHERE name = ?", REPORT))
                .isNull();
    }

    // Job page (items 6, 7, 8, 12) -----------------------------------------------------------------------------------

    @Test
    void jobPage_outOfRangeOrMalformedValues_areRefusedWithSentences_andTheJobKeepsItsValues() {
        String channel = JobRows.uniqueChannel("input-job");
        JobRows.Stored job = JobRows.aJob(channel).store();
        browser.open("/job.xhtml?uuid=" + job.uuid());

        for (String priority : List.of("-5", "99999999999", "1e3", "")) {
            browser.type(By.id("actionsForm:editPriority"), priority);
            browser.click(By.id("actionsForm:save"));
            waitForText(By.id("actionsForm:messages"), PRIORITY_RULE);
            assertThat(JobRows.queryString(
                            "SELECT priority FROM queue_job WHERE uuid = ?::uuid",
                            job.uuid().toString()))
                    .as(priority)
                    .isEqualTo("10");
        }
        browser.type(By.id("actionsForm:editPriority"), "3");

        record Case(String channel, String sentence) {}
        for (Case bad : List.of(
                new Case("a".repeat(5000), TOO_LONG),
                new Case("root:3", "Channel: " + CHANNEL_RULE + "."),
                new Case("<b>x</b>", "Channel: " + CHANNEL_RULE + "."),
                new Case("", "Channel: a channel is required, e.g. root or root.mail."))) {
            setValue(By.id("actionsForm:editChannel"), bad.channel());
            browser.click(By.id("actionsForm:save"));
            waitForText(By.id("actionsForm:messages"), bad.sentence());
            assertNothingInternal();
            assertThat(browser.driver().getCurrentUrl()).contains("uuid=" + job.uuid());
            assertThat(JobRows.queryString(
                            "SELECT priority || ' ' || channel FROM queue_job WHERE uuid = ?::uuid",
                            job.uuid().toString()))
                    .as(abbreviated(bad.channel()))
                    .isEqualTo("10 " + channel);
        }
        browser.screenshot("form-input-job-page");
    }

    // Channels (items 7, 10) -----------------------------------------------------------------------------------------

    @Test
    void channelDialog_outOfRangeValues_areRefusedNotClamped_andNoRecordIsStored() {
        String channel = JobRows.uniqueChannel("input-channel");
        JobRows.aJob(channel).store();
        browser.open("/channels.xhtml");
        openChannelEditor(channel);

        record Case(String field, String value, String sentence) {}
        for (Case bad : List.of(
                new Case("editCapacity", "-5", "Capacity: a whole number from 0 to 100,000."),
                new Case("editCapacity", "99999999999", "Capacity: a whole number from 0 to 100,000."),
                new Case("editCapacity", "1e3", "Capacity: a whole number from 0 to 100,000."),
                new Case("editThrottle", "-1", "Throttle: a whole number of seconds from 0 to 86,400 (a day)."),
                new Case("editRemoval", "0", "Removal interval: a whole number of days from 1 to 36,500."),
                new Case("editRemoval", "40000", "Removal interval: a whole number of days from 1 to 36,500."))) {
            browser.type(By.id("channelDialogForm:editCapacity"), "2");
            browser.type(By.id("channelDialogForm:editThrottle"), "0");
            browser.type(By.id("channelDialogForm:editRemoval"), "30");
            browser.type(By.id("channelDialogForm:" + bad.field()), bad.value());
            browser.click(By.id("channelDialogForm:saveChannel"));

            assertThat(dialogMessage("channelDialogForm:channelMessages"))
                    .as(bad.field() + " " + bad.value())
                    .isEqualTo(bad.sentence());
            assertNothingInternal();
            assertThat(JobRows.count("SELECT count(*) FROM queue_job_channel WHERE complete_name = ?", channel))
                    .as(bad.field() + " " + bad.value())
                    .isZero();
        }
        browser.screenshot("form-input-channel-dialog");
    }

    @Test
    void capacityLabel_saysRootAtZeroStopsDispatching_andZeroBelowRootIsUnlimited() {
        String channel = JobRows.uniqueChannel("input-label");
        JobRows.aJob(channel).store();
        browser.open("/channels.xhtml");

        openChannelEditor("root");
        String rootLabel =
                browser.waitFor(By.id("channelDialogForm:editCapacityLabel")).getText();
        assertThat(rootLabel).contains("0 stops dispatching").doesNotContain("unlimited");
        browser.click(By.cssSelector("#channelDialogForm\\:channelDialog .ui-dialog-titlebar-close"));
        browser.waitUntil(
                d -> !d.findElement(By.id("channelDialogForm:channelDialog")).isDisplayed());

        openChannelEditor(channel);
        assertThat(browser.waitFor(By.id("channelDialogForm:editCapacityLabel")).getText())
                .contains("empty or 0: unlimited");
        browser.type(By.id("channelDialogForm:editCapacity"), "0");
        browser.click(By.id("channelDialogForm:saveChannel"));
        browser.waitUntil(
                d -> ChannelsScreenIT.cell(browser, channel, "capacity").equals("unlimited"));
    }

    // Bulk (items 8, 9) ----------------------------------------------------------------------------------------------

    @Test
    void bulkChangeChannel_toAMalformedName_saysWhy_andChangesNothing() {
        String channel = JobRows.uniqueChannel("input-bulk");
        JobRows.aJob(channel).store(2);
        JobsScreenIT.showChannel(browser, channel, 2);

        BulkActionsIT.chooseBulk(browser, "bulkMatching", "matching_CHANGE_CHANNEL");
        browser.type(By.id("bulkForm:bulkChannel"), "root..bad");
        browser.click(BulkActionsIT.CONFIRM);

        assertThat(dialogMessage("bulkForm:bulkMessages")).isEqualTo("Channel: " + CHANNEL_RULE + ".");
        assertThat(browser.driver().findElements(BulkActionsIT.RESULT)).isEmpty();
        assertThat(JobRows.count("SELECT count(*) FROM queue_job WHERE channel = ?", channel))
                .isEqualTo(2);
        browser.screenshot("form-input-bulk-channel");
    }

    @Test
    void bulkAction_saysWhyTheJobsItDidNotChangeWereNotChanged() {
        String channel = JobRows.uniqueChannel("input-bulk-why");
        List<JobRows.Stored> jobs = JobRows.aJob(channel).store(2);
        JobsScreenIT.showChannel(browser, channel, 2);
        browser.click(By.cssSelector("tr[data-rk='" + jobs.get(0).uuid() + "'] .ui-chkbox-box"));
        browser.click(By.cssSelector("tr[data-rk='" + jobs.get(1).uuid() + "'] .ui-chkbox-box"));
        browser.waitUntil(
                d -> d.findElement(By.id("jobsForm:selectionCount")).getText().startsWith("2 "));
        BulkActionsIT.chooseBulk(browser, "bulkSelected", "selected_CANCEL");
        assertThat(browser.waitFor(BulkActionsIT.QUESTION).getText()).isEqualTo("Cancel: 2 jobs selected.");

        // Meanwhile, somebody else sets one of them done.
        JobRows.execute(
                "UPDATE queue_job SET state = 'done', date_done = now() WHERE uuid = ?::uuid",
                jobs.get(1).uuid().toString());
        browser.click(BulkActionsIT.CONFIRM);

        assertThat(browser.waitFor(BulkActionsIT.RESULT).getText()).isEqualTo("1 changed, 1 not changed.");
        assertThat(browser.waitFor(By.id("bulkReasons")).getText())
                .isEqualTo("1 job: no longer in a state this action applies to (it changed meanwhile).");
        browser.screenshot("form-input-bulk-why");
    }

    // Helpers --------------------------------------------------------------------------------------------------------

    private void openFunctionEditor() {
        browser.open("/job-functions.xhtml");
        // Found again if the table re-renders between finding the row and clicking (a stale row otherwise).
        browser.click(By.xpath("//tbody[@id='functionsForm:functions_data']/tr[.//span[normalize-space()='" + REPORT
                + "']]//*[substring(@id, string-length(@id) - 4) = ':edit']"));
        browser.waitUntil(d ->
                d.findElement(By.id("functionDialogForm:editName")).getText().equals(REPORT));
    }

    private void openChannelEditor(String completeName) {
        ChannelsScreenIT.row(browser, completeName);
        browser.click(By.xpath(ChannelsScreenIT.rowXpath(completeName) + "//*[substring(@id, string-length(@id) - 4)"
                + " = ':edit']"));
        browser.waitUntil(d ->
                d.findElement(By.id("channelDialogForm:editName")).getText().equals(completeName));
    }

    /** Sets a long value at once (typing 5,000 keys is slow) and tells the page it changed. */
    private void setValue(By field, String value) {
        WebElement input = browser.waitFor(field);
        browser.script(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                input,
                value);
    }

    /** The text of a dialog's message area, which must be visible (not hidden behind the dialog's overlay). */
    private String dialogMessage(String messagesId) {
        return browser.waitUntil(d -> {
            WebElement messages = d.findElement(By.id(messagesId));
            String text = messages.getText().strip();
            return messages.isDisplayed() && !text.isEmpty() ? text : null;
        });
    }

    /** Waits until the element's text has {@code text} (a full postback replaces the page under the test). */
    private void waitForText(By locator, String text) {
        browser.waitUntil(d -> d.findElement(locator).getText().contains(text));
    }

    private void assertNothingInternal() {
        String page = browser.driver().findElement(By.tagName("main")).getText();
        for (String internal : INTERNAL) {
            assertThat(page).as("the page shows no internal text").doesNotContain(internal);
        }
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "… (" + value.length() + " characters)" : value;
    }
}
