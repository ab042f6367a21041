package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Recurring jobs screen on the demo EAR: the demo's recurring jobs (declared in code) listed and ticking, a
 * manager creating one, running it now (the last run links to the job), disabling it; malformed cron expressions and
 * zones refused in the form with a sentence naming them; a viewer shown no action.
 */
class RecurringJobsScreenIT extends BrowserTest {

    private static final String NEWSLETTER = "org.queuejob.sample.SampleJobs.sendNewsletter";
    private static final String GATEWAY = "org.queuejob.sample.RecurringSampleJobs.checkGateway";
    private static final String GATEWAY_CHECK = "gateway-check";

    private static String rowXpath(String name) {
        return "//tbody[@id='recurringForm:recurring_data']/tr[.//span[contains(@class, 'qj-recurring-name')"
                + " and text()='" + name + "']]";
    }

    private WebElement row(String name) {
        return browser.waitUntil(d -> d.findElement(By.xpath(rowXpath(name))));
    }

    /**
     * The row is found and read in one try, tried again while the table is re-rendered under it: the fresh-clone check
     * of 540fd06 found the row, then lost it to the table's update after "Run now" before reading its cell.
     */
    private String cell(String name, String id) {
        return browser.waitUntil(d -> d.findElement(By.xpath(rowXpath(name)))
                .findElement(By.cssSelector("[id$=':" + id + "']"))
                .getText());
    }

    private void clickInRow(String name, String id) {
        browser.click(By.xpath(
                rowXpath(name) + "//*[substring(@id, string-length(@id) - " + id.length() + ") = ':" + id + "']"));
    }

    private void chooseJobFunction(String function) {
        browser.script(
                "PrimeFaces.widgets['widget_recurringDialogForm_editJobFunction'].selectValue(arguments[0]);",
                function);
    }

    private void openNewForm() {
        browser.click(By.id("recurringForm:newRecurring"));
        browser.waitFor(By.id("recurringDialogForm:editName"));
        browser.waitUntil(
                d -> d.findElement(By.id("recurringDialogForm:recurringDialog")).isDisplayed());
    }

    @Test
    void manager_createsARecurringJob_runsItNow_followsTheLastRunToTheJob_andDisablesIt() {
        browser.loginAsManager();
        String name = "it-<i>weekday</i>-" + UUID.randomUUID().toString().substring(0, 8);
        browser.open("/recurring-jobs.xhtml");
        assertThat(row("nightly-reindex").getText()).contains("(in code)").contains("0 30 2 * * *");

        openNewForm();
        browser.type(By.id("recurringDialogForm:editName"), name);
        browser.type(By.id("recurringDialogForm:editCron"), "0 0 6 * * MON-FRI");
        browser.type(By.id("recurringDialogForm:editZone"), "Europe/Brussels");
        chooseJobFunction(NEWSLETTER);
        browser.type(By.id("recurringDialogForm:editArguments"), "[\"ops@example.org\"]");
        browser.type(By.id("recurringDialogForm:editChannel"), "root.mail");
        browser.click(By.id("recurringDialogForm:saveRecurring"));

        // The name is shown as text, markup and all.
        WebElement created = row(name);
        assertThat(created.findElements(By.tagName("i"))).isEmpty();
        assertThat(cell(name, "cron")).isEqualTo("0 0 6 * * MON-FRI");
        assertThat(cell(name, "state")).isEqualTo("Enabled");
        Instant nextRun = Instant.parse(JobRows.queryString(
                "SELECT to_char(next_run AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                        + " FROM queue_job_recurring WHERE name = ?",
                name));
        ZonedDateTime local = nextRun.atZone(ZoneId.of("Europe/Brussels"));
        assertThat(local.getHour()).isEqualTo(6);
        assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(nextRun).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(4)));
        browser.screenshot("recurring-jobs");

        clickInRow(name, "runNow");
        browser.waitUntil(
                d -> d.findElement(By.id("recurringForm:messages")).getText().contains("enqueued now"));
        String job = JobRows.queryString(
                "SELECT last_job_uuid::text FROM queue_job_recurring WHERE name = ? AND last_run_by = 'manager'", name);
        assertThat(JobRows.queryString("SELECT description FROM queue_job WHERE uuid = ?::uuid", job))
                .isEqualTo(name + " · run now by manager");
        assertThat(cell(name, "lastRunBy")).contains("run now by manager");

        clickInRow(name, "lastRun");
        browser.waitUntil(d -> d.getCurrentUrl().contains("uuid=" + job));
        browser.waitFor(By.id("jobState"));
        assertThat(browser.driver().getPageSource()).contains("run now by manager");

        browser.open("/recurring-jobs.xhtml");
        clickInRow(name, "disable");
        browser.waitUntil(d -> cell(name, "state").equals("Disabled"));
        assertThat(cell(name, "noNextRun")).isEqualTo("disabled");
        assertThat(JobRows.queryString(
                        "SELECT enabled || ' ' || (next_run IS NULL) FROM queue_job_recurring WHERE name = ?", name))
                .isEqualTo("false true");
    }

    @Test
    void malformedCronAndUnknownZone_areRefusedInTheForm_namingThem_andNothingIsSaved() {
        browser.loginAsManager();
        String name = "it-refused-" + UUID.randomUUID().toString().substring(0, 8);
        browser.open("/recurring-jobs.xhtml");
        openNewForm();
        browser.type(By.id("recurringDialogForm:editName"), name);
        browser.type(By.id("recurringDialogForm:editCron"), "0 */5 * * *");
        chooseJobFunction(NEWSLETTER);
        browser.type(By.id("recurringDialogForm:editArguments"), "[\"ops@example.org\"]");
        browser.click(By.id("recurringDialogForm:saveRecurring"));

        By messages = By.id("recurringDialogForm:recurringMessages");
        browser.waitUntil(
                d -> d.findElement(messages).getText().contains("The cron expression '0 */5 * * *' is not valid"));

        browser.type(By.id("recurringDialogForm:editCron"), "0 */5 * * * *");
        browser.type(By.id("recurringDialogForm:editZone"), "Europe/Brusels");
        browser.click(By.id("recurringDialogForm:saveRecurring"));
        browser.waitUntil(
                d -> d.findElement(messages).getText().contains("The time zone 'Europe/Brusels' is not known"));

        browser.type(By.id("recurringDialogForm:editZone"), "UTC");
        browser.type(By.id("recurringDialogForm:editArguments"), "[\"ops@example.org\", 2]");
        browser.click(By.id("recurringDialogForm:saveRecurring"));
        browser.waitUntil(d -> d.findElement(messages).getText().contains("takes 1 argument(s), 2 given"));

        assertThat(JobRows.count("SELECT count(*) FROM queue_job_recurring WHERE name = ?", name))
                .isZero();
    }

    @Test
    void theDemosEveryMinuteJob_ticksOnTheServer_andItsLastRunIsTheTicksJob() {
        browser.loginAsManager();
        browser.open("/recurring-jobs.xhtml");
        String name = GATEWAY_CHECK;
        assertThat(cell(name, "cron")).isEqualTo("0 * * * * *");

        // At most a minute to the next tick, and a second to see it. The link is drawn only once there is a run, so it
        // is looked for without cell()'s own 30 s wait: that wait ended this one whenever the tick was 30 s away.
        browser.waitUntil(
                d -> !d.findElement(By.xpath(rowXpath(name)))
                        .findElements(By.cssSelector("[id$=':lastRun']"))
                        .isEmpty(),
                Duration.ofSeconds(75));
        String tick = JobRows.queryString(
                "SELECT to_char(last_tick AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM queue_job_recurring"
                        + " WHERE name = ?",
                name);
        assertThat(tick).endsWith(":00");
        assertThat(JobRows.count(
                        "SELECT count(*) FROM queue_job WHERE job_function = ? AND description = ?",
                        GATEWAY,
                        name + " · tick " + tick.replace(' ', 'T') + "Z"))
                .isEqualTo(1);
    }

    @Test
    void viewer_seesTheRecurringJobs_butNoAction() {
        browser.loginAsViewer();
        browser.open("/recurring-jobs.xhtml");
        row("nightly-reindex");
        assertThat(browser.driver().findElement(By.id("recurringForm")).getText())
                .contains(ViewerIT.READ_ONLY);
        assertThat(browser.driver().findElements(By.id("recurringForm:newRecurring")))
                .isEmpty();
        for (String action : new String[] {":runNow", ":disable", ":enable", ":edit", ":delete"}) {
            assertThat(browser.driver().findElements(By.cssSelector("#recurringForm [id$='" + action + "']")))
                    .as(action)
                    .isEmpty();
        }
        assertThat(browser.driver().findElements(By.id("recurringDialogForm"))).isEmpty();
    }

    @Test
    void deleteConfirmedAfterARefreshAddedARowAbove_deletesTheRowChosen() {
        browser.loginAsManager();
        String prefix = "it-race-" + UUID.randomUUID().toString().substring(0, 8);
        insertRecurring(prefix + "-a");
        insertRecurring(prefix + "-c");
        browser.open("/recurring-jobs.xhtml");
        row(prefix + "-c");
        clickInRow(prefix + "-c", "delete");
        browser.waitUntil(d -> d.findElement(By.id("recurringForm:confirmYes")).isDisplayed());

        insertRecurring(prefix + "-b");
        row(prefix + "-b");
        browser.waitForPrimeFacesAjax();
        browser.click(By.id("recurringForm:confirmYes"));
        browser.waitForPrimeFacesAjax();

        browser.waitUntil(d -> JobRows.queryString(
                        "SELECT string_agg(name, ',' ORDER BY name) FROM queue_job_recurring WHERE name LIKE ?",
                        prefix + "%")
                .equals(prefix + "-a," + prefix + "-b"));
    }

    @Test
    void editOfARecordDeletedMeanwhile_saysSo_andOpensNoForm() {
        browser.loginAsManager();
        String name = "it-gone-" + UUID.randomUUID().toString().substring(0, 8);
        insertRecurring(name);
        browser.open("/recurring-jobs.xhtml");
        row(name);
        // Deleted by someone else while this page shows it: no refresh may take the row away before the click.
        browser.script("PF('recurringRefresh').stop();");
        browser.waitForPrimeFacesAjax();
        JobRows.execute("DELETE FROM queue_job_recurring WHERE name = ?", name);

        clickInRow(name, "edit");
        browser.waitUntil(
                d -> d.findElement(By.id("recurringForm:messages")).getText().contains("no longer exists"));
        assertThat(browser.driver()
                        .findElement(By.id("recurringDialogForm:recurringDialog"))
                        .isDisplayed())
                .isFalse();
    }

    /**
     * Edit reaches the server for a recurring job declared in code too (a click sent as a refresh put such a row in the
     * place of the one chosen, or a hidden button pressed by hand): the form does not open, and the page says where its
     * schedule is changed. Before, the button was left out of such a row, and the click was lost without a word.
     */
    @Test
    void editOfARecurringJobDeclaredInCode_saysWhereToChangeIt_andOpensNoForm() {
        browser.loginAsManager();
        browser.open("/recurring-jobs.xhtml");
        String edit =
                row(GATEWAY_CHECK).findElement(By.cssSelector("[id$=':edit']")).getAttribute("id");
        assertThat(browser.shown(By.id(edit))).as("shown").isEmpty();

        browser.script("document.getElementById(arguments[0]).click();", edit);
        browser.waitUntil(d -> d.findElement(By.id("recurringForm:messages"))
                .getText()
                .contains("The recurring job '" + GATEWAY_CHECK + "' is declared in code"));
        assertThat(browser.driver()
                        .findElement(By.id("recurringDialogForm:recurringDialog"))
                        .isDisplayed())
                .isFalse();
    }

    /**
     * "Runs may overlap" is off in a new form (a tick enqueues nothing while the previous run has not ended); ticked, the
     * record keeps it, the list says so, and the edit form opens with it ticked and saves it unticked.
     */
    @Test
    void runsMayOverlap_isTickedInTheForm_shownInTheList_andUntickedInTheEditForm() {
        browser.loginAsManager();
        String name = "it-overlap-" + UUID.randomUUID().toString().substring(0, 8);
        browser.open("/recurring-jobs.xhtml");
        openNewForm();
        assertThat(browser.driver()
                        .findElement(By.id("recurringDialogForm:allowOverlapHint"))
                        .getText())
                .isEqualTo("Off: a tick enqueues nothing while the previous run has not ended.");
        assertThat(browser.driver()
                        .findElement(By.id("recurringDialogForm:editAllowOverlap_input"))
                        .isSelected())
                .as("off by default")
                .isFalse();
        browser.type(By.id("recurringDialogForm:editName"), name);
        browser.type(By.id("recurringDialogForm:editCron"), "0 0 6 * * *");
        chooseJobFunction(NEWSLETTER);
        browser.type(By.id("recurringDialogForm:editArguments"), "[\"ops@example.org\"]");
        browser.click(By.cssSelector("#recurringDialogForm\\:editAllowOverlap .ui-chkbox-box"));
        browser.click(By.id("recurringDialogForm:saveRecurring"));

        row(name);
        assertThat(cell(name, "overlap")).contains("runs may overlap");
        assertThat(JobRows.queryString("SELECT allow_overlap::text FROM queue_job_recurring WHERE name = ?", name))
                .isEqualTo("true");

        clickInRow(name, "edit");
        browser.waitUntil(
                d -> d.findElement(By.id("recurringDialogForm:recurringDialog")).isDisplayed());
        assertThat(browser.driver()
                        .findElement(By.id("recurringDialogForm:editAllowOverlap_input"))
                        .isSelected())
                .isTrue();
        browser.screenshot("recurring-jobs-overlap-form");
        browser.click(By.cssSelector("#recurringDialogForm\\:editAllowOverlap .ui-chkbox-box"));
        browser.click(By.id("recurringDialogForm:saveRecurring"));

        browser.waitUntil(d -> "false"
                .equals(JobRows.queryString(
                        "SELECT allow_overlap::text FROM queue_job_recurring WHERE name = ?", name)));
        browser.waitUntil(d -> d.findElement(By.xpath(rowXpath(name)))
                .findElements(By.cssSelector("[id$=':overlap']"))
                .isEmpty());
        JobRows.execute("DELETE FROM queue_job_recurring WHERE name = ?", name);
    }

    private static void insertRecurring(String name) {
        JobRows.execute(
                "INSERT INTO queue_job_recurring (name, cron, zone, job_function, origin, enabled, created_at)"
                        + " VALUES (?, '0 0 6 * * *', 'UTC', ?, 'BACK_OFFICE', false, now())",
                name,
                NEWSLETTER);
    }
}
