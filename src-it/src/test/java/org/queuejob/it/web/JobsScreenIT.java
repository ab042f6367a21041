package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Jobs screen in a real browser: default filter, state / date / channel / function / text filters, group-by,
 * row colours, column chooser, CSV, and the refresh that keeps selection and columns. Each test has jobs of a channel
 * of its own ({@link JobRows}).
 */
class JobsScreenIT extends BrowserTest {

    static final By CHANNEL = By.id("jobsForm:channel");
    static final By ROWS = By.cssSelector("#jobsForm\\:jobs_data > tr[data-rk]");
    static final By TABLE = By.id("jobsForm:jobs");
    static final By PAGE_REPORT = By.cssSelector("#jobsForm\\:jobs .ui-paginator-current");

    @BeforeEach
    void login() {
        browser.loginAsManager();
    }

    /** Opens the job list filtered to one channel and waits for exactly {@code rows} rows. */
    static void showChannel(Browser browser, String channel, int rows) {
        browser.open("/jobs.xhtml");
        browser.type(CHANNEL, channel);
        waitForRows(browser, rows);
    }

    static List<WebElement> waitForRows(Browser browser, int rows) {
        return browser.waitUntil(d -> {
            List<WebElement> found = d.findElements(ROWS);
            return found.size() == rows ? found : null;
        });
    }

    @Test
    void byDefault_hidesDoneAndCancelled_showsFailedInRed() {
        String channel = JobRows.uniqueChannel("default");
        JobRows.aJob(channel).description("Waiting fixture").store();
        JobRows.aFailedJob(channel, "java.io.IOException", "Disk full")
                .description("Failed fixture")
                .store();
        JobRows.aDoneJob(channel, 1200).description("Done fixture").store();
        JobRows.aJob(channel)
                .state("cancelled")
                .description("Cancelled fixture")
                .store();

        showChannel(browser, channel, 2);

        List<WebElement> rows = browser.driver().findElements(ROWS);
        assertThat(rows).extracting(WebElement::getText).anyMatch(text -> text.contains("Waiting fixture"));
        WebElement failed = rows.stream()
                .filter(row -> row.getText().contains("Failed fixture"))
                .findFirst()
                .orElseThrow();
        assertThat(failed.getAttribute("class")).contains("qj-row-failed");
        assertThat(failed.getText()).contains("IOException").contains("Disk full");
        browser.screenshot("jobs-list");
    }

    @Test
    void aLinkWithAnUnknownState_saysSo_andShowsTheUsualStates() {
        String channel = JobRows.uniqueChannel("unknown-state");
        JobRows.aJob(channel).description("Waiting fixture").store();
        JobRows.aDoneJob(channel, 10).description("Done fixture").store();

        browser.open("/jobs.xhtml?state=sleeping&channel=" + channel);

        List<WebElement> rows = waitForRows(browser, 1);
        assertThat(rows.get(0).getText()).contains("Waiting fixture");
        assertThat(browser.waitFor(By.id("jobsForm:messages")).getText())
                .contains("The link asks for the state 'sleeping', which is not one (wait_dependencies, pending,"
                        + " enqueued, started, done, cancelled, failed): the list shows its usual states.");
        browser.screenshot("jobs-unknown-state");
    }

    @Test
    void aFilterMatchingMoreThan10000Jobs_isCountedUpTo10000AndSaysSo_aSmallerOneExactly() {
        String many = JobRows.uniqueChannel("many");
        JobRows.insertMany(10_001, many, "failed");
        String few = JobRows.uniqueChannel("few");
        JobRows.insertMany(30, few, "failed");

        showChannel(browser, many, 25);
        browser.waitUntil(d -> d.findElement(PAGE_REPORT).getText().equals("1–25 of more than 10,000"));
        // The last page reachable holds the 10,000th newest. The channel filter's ajax may land after the rows showed
        // (these jobs are the newest anyway) and send the table back to its first page: click until the page stays.
        // The report and the rows are read together: a late ajax may redraw the first page's rows under the last
        // page's report (the fresh-clone check of 5fb3d38 read "Bulk fixture 1" there).
        List<WebElement> last = browser.waitUntil(d -> {
            if (!d.findElement(PAGE_REPORT).getText().equals("9976–10000 of more than 10,000")) {
                browser.click(By.cssSelector("#jobsForm\\:jobs .ui-paginator-last"));
                return null;
            }
            List<WebElement> rows = d.findElements(ROWS);
            return rows.size() == 25 && rows.get(0).getText().contains("Bulk fixture 9976") ? rows : null;
        });
        assertThat(last.get(0).getText()).contains("Bulk fixture 9976");
        assertThat(last.get(24).getText()).contains("Bulk fixture 10000");
        browser.script("arguments[0].scrollIntoView()", browser.driver().findElement(PAGE_REPORT));
        browser.screenshot("jobs-count-capped");

        showChannel(browser, few, 25);
        browser.waitUntil(d -> d.findElement(PAGE_REPORT).getText().equals("1–25 of 30"));
    }

    @Test
    void tickingDone_showsDoneJobsMuted() {
        String channel = JobRows.uniqueChannel("done");
        JobRows.aDoneJob(channel, 800).description("Done fixture").store();
        showChannel(browser, channel, 0);

        browser.click(By.id("jobsForm:states"));
        browser.click(
                By.xpath(
                        "//div[@id='jobsForm:states_panel']//li[.//label[text()='Done']]//div[contains(@class,'ui-chkbox-box')]"));

        List<WebElement> rows = waitForRows(browser, 1);
        assertThat(rows.get(0).getAttribute("class")).contains("qj-row-done");
        assertThat(rows.get(0).getText()).contains("Done fixture").contains("0.8");
    }

    @Test
    void dateRange_24Hours_hidesOlderJobs_customRangeFindsThem() {
        String channel = JobRows.uniqueChannel("dates");
        JobRows.aJob(channel).description("Recent fixture").store();
        JobRows.aJob(channel)
                .description("Old fixture")
                .createdAgo(Duration.ofDays(3))
                .store();
        showChannel(browser, channel, 2);

        browser.click(
                By.xpath("//div[@id='jobsForm:dateRange']//div[contains(@class,'ui-button')][.//span[text()='24 h']]"));
        List<WebElement> rows = waitForRows(browser, 1);
        assertThat(rows.get(0).getText()).contains("Recent fixture");

        browser.click(By.xpath(
                "//div[@id='jobsForm:dateRange']//div[contains(@class,'ui-button')][.//span[text()='Custom']]"));
        // From yesterday (UTC): the old job drops out again. (The upper bound is covered by JobsBackingTest.)
        String day =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
        // As the browser's date input does when a day is picked: its value, then its change event.
        browser.script(
                "const input = document.getElementById('jobsForm:customFrom');"
                        + " input.value = arguments[0]; input.dispatchEvent(new Event('change'));",
                day);
        browser.waitUntil(d -> {
            List<WebElement> found = d.findElements(ROWS);
            return found.size() == 1 && found.get(0).getText().contains("Recent fixture");
        });
        browser.click(
                By.xpath("//div[@id='jobsForm:dateRange']//div[contains(@class,'ui-button')][.//span[text()='7 d']]"));
        waitForRows(browser, 2);
    }

    /** A five-digit year made "Something went wrong" (the query refused the bound); it is refused as typed now. */
    @Test
    void aCustomDayInTheYear10000_isRefusedWithTheRule_andTheListStays() {
        String channel = JobRows.uniqueChannel("dates-10000");
        JobRows.aJob(channel).description("Kept fixture").store();
        showChannel(browser, channel, 1);

        browser.click(By.xpath(
                "//div[@id='jobsForm:dateRange']//div[contains(@class,'ui-button')][.//span[text()='Custom']]"));
        browser.script(
                "const input = document.getElementById('jobsForm:customTo');"
                        + " input.value = arguments[0]; input.dispatchEvent(new Event('change'));",
                "10000-01-01");

        // The browser sends the five-digit year as typed (10000-01-01), which is not a day the page reads.
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
                By.id("jobsForm:customRangeMessages"),
                "From – to: a day from the year 1 to the end of the year 9999 (UTC), such as 2031-05-04."));
        assertThat(browser.driver().getPageSource()).doesNotContain("Something went wrong");
        assertThat(waitForRows(browser, 1).get(0).getText()).contains("Kept fixture");
        browser.screenshot("jobs-custom-day-refused");
    }

    @Test
    void searchText_findsExceptionMessage_andJobFunctionFilterNarrows() {
        String channel = JobRows.uniqueChannel("search");
        JobRows.aFailedJob(channel, "java.net.SocketTimeoutException", "Warehouse 7 did not answer")
                .store();
        JobRows.aJob(channel).description("Another fixture").store();
        showChannel(browser, channel, 2);

        browser.type(By.id("jobsForm:search"), "warehouse 7");
        List<WebElement> rows = waitForRows(browser, 1);
        assertThat(rows.get(0).getText()).contains("Warehouse 7 did not answer");

        browser.type(By.id("jobsForm:search"), "");
        waitForRows(browser, 2);
        browser.type(By.id("jobsForm:jobFunction"), "org.example.NoSuch.job");
        waitForRows(browser, 0);
        browser.type(By.id("jobsForm:jobFunction"), JobRows.FIXTURE_FUNCTION);
        waitForRows(browser, 2);
    }

    @Test
    void groupByState_countsJobs_andClickingAGroupFiltersToIt_evenWhenARefreshReordersTheGroups() {
        String channel = JobRows.uniqueChannel("groups");
        JobRows.aJob(channel).store(3);
        JobRows.aFailedJob(channel, "java.lang.IllegalStateException", "Boom").store(2);
        showChannel(browser, channel, 5);

        browser.click(
                By.xpath("//div[@id='jobsForm:groupBy']//div[contains(@class,'ui-button')][.//span[text()='State']]"));

        WebElement groups = browser.waitFor(By.id("jobsForm:groups"));
        browser.waitUntil(d -> d.findElement(By.id("jobsForm:groups")).getText().contains("Pending"));
        assertThat(groups.getText())
                .contains("Pending")
                .contains("3")
                .contains("Failed")
                .contains("2");
        browser.screenshot("jobs-grouped");

        // Two more failures move Failed (4) above Pending (3) while the click is on its way: the refresh under way
        // redraws the groups first. The group clicked opens, not the one now in its place (before: Pending).
        JobRows.aFailedJob(channel, "java.lang.IllegalStateException", "Boom").store(2);
        browser.script("PF('jobsRefresh').cfg.fn();"
                + " document.evaluate(\"//table//a[contains(@id,'openGroup') and text()='Failed']\", document, null,"
                + " XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue.click();");
        browser.waitForPrimeFacesAjax();
        // Seven jobs in the channel; a group opened shows three (Pending) or four (Failed).
        List<WebElement> rows = browser.waitUntil(d -> {
            List<WebElement> found = d.findElements(ROWS);
            return found.size() <= 4 ? found : null;
        });
        assertThat(rows)
                .hasSize(4)
                .allSatisfy(row -> assertThat(row.getAttribute("class")).contains("qj-row-failed"));
    }

    @Test
    void exceptionMessageWithScriptAndHtml_isShownAsText() {
        String channel = JobRows.uniqueChannel("xss");
        String message = "<script>window.qjInjected = true;</script><b id=\"injected\">bold</b> & <i>more</i>";
        JobRows.Stored job = JobRows.aFailedJob(channel, "java.lang.RuntimeException", message)
                .description("<img src=x onerror=\"window.qjInjected=true\">Fixture")
                .store();

        List<WebElement> rows = showChannelAndGetRows(channel);
        assertThat(rows.get(0).getText()).contains("<script>window.qjInjected = true;</script>");
        assertThat(browser.driver().findElements(By.id("injected"))).isEmpty();
        assertThat(browser.script("return window.qjInjected === undefined")).isEqualTo(true);

        browser.open("/job.xhtml?uuid=" + job.uuid());
        assertThat(browser.waitFor(By.id("jobExcMessage")).getText()).isEqualTo(message);
        assertThat(browser.driver().findElement(By.id("jobExcInfo")).getText()).contains("<script>");
        assertThat(browser.driver().findElement(By.id("jobDescription")).getText())
                .startsWith("<img");
        assertThat(browser.driver().findElements(By.id("injected"))).isEmpty();
        assertThat(browser.script("return window.qjInjected === undefined")).isEqualTo(true);
        browser.screenshotFullPage("job-escaped-exception");
    }

    private List<WebElement> showChannelAndGetRows(String channel) {
        showChannel(browser, channel, 1);
        return browser.driver().findElements(ROWS);
    }

    @Test
    void refresh_keepsSelectionFiltersAndChosenColumns() {
        String channel = JobRows.uniqueChannel("refresh");
        JobRows.Stored first =
                JobRows.aJob(channel).description("Keep me selected").store();
        JobRows.aJob(channel).description("Other").store();
        showChannel(browser, channel, 2);

        By firstRowBox = By.cssSelector("tr[data-rk='" + first.uuid() + "'] .ui-chkbox-box");
        browser.click(firstRowBox);
        browser.waitUntil(
                d -> d.findElement(By.id("jobsForm:selectionCount")).getText().startsWith("1 "));

        browser.click(By.id("jobsForm:columnsButton"));
        browser.click(
                By.xpath(
                        "//div[contains(@class,'ui-columntoggler')]//li[.//label[text()='UUID']]//div[contains(@class,'ui-chkbox-box')]"));
        browser.waitUntil(
                d -> d.findElement(TABLE).getText().contains(first.uuid().toString()));

        // The poll replaces the table every 5 s: wait for a replacement, then look again.
        WebElement before = browser.driver().findElement(TABLE);
        browser.waitUntil(Browser.gone(before), Duration.ofSeconds(20));
        browser.waitForPrimeFacesAjax();

        WebElement row = browser.driver().findElement(By.cssSelector("tr[data-rk='" + first.uuid() + "']"));
        assertThat(row.getAttribute("aria-selected")).isEqualTo("true");
        assertThat(browser.driver().findElement(TABLE).getText())
                .contains(first.uuid().toString());
        assertThat(browser.driver().findElements(ROWS)).hasSize(2);
        assertThat(browser.driver().findElement(CHANNEL).getAttribute("value")).isEqualTo(channel);
    }

    /**
     * PrimeFaces queues a tick's request behind a refresh under way and reads the form only when it sends it: by then
     * the refresh has replaced the table, and its hidden selection field, with the selection as the server knew it
     * before the tick. The tick (or untick) must survive that, on the server and in the table.
     */
    @Test
    void aTickOrUntickMadeWhileARefreshIsUnderWay_isKept() {
        String channel = JobRows.uniqueChannel("tick-race");
        JobRows.Stored first = JobRows.aJob(channel).description("First").store();
        JobRows.Stored second = JobRows.aJob(channel).description("Second").store();
        JobRows.aJob(channel).description("Third").store();
        showChannel(browser, channel, 3);
        browser.click(rowBox(first));
        waitForSelectionCount(1);

        clickDuringARefresh(second);
        waitForSelectionCount(2);
        assertTicked(first, second);

        clickDuringARefresh(first);
        waitForSelectionCount(1);
        assertTicked(second);

        // The next refresh of its own shows the same selection.
        WebElement before = browser.driver().findElement(TABLE);
        browser.waitUntil(Browser.gone(before), Duration.ofSeconds(20));
        browser.waitForPrimeFacesAjax();
        assertThat(browser.driver().findElement(SELECTION_COUNT).getText()).isEqualTo("1 selected");
        assertTicked(second);
    }

    /**
     * The header box ticks the 25 rows shown, and only them: every job matching the filters is what the "All matching
     * the filters" menu is for. (It used to ask PrimeFaces for every page's rows, which a lazy table does not hold
     * while it reads a request: the server's selection stayed empty, "0 selected", and the next refresh unticked the
     * boxes the browser had ticked.) Ticked during a refresh, it holds too.
     */
    @Test
    void theHeaderBox_ticksTheRowsOfThePageShown_onceEach() {
        String channel = JobRows.uniqueChannel("tick-page");
        JobRows.insertMany(30, channel, "pending");
        showChannel(browser, channel, 25);
        // 25 rows show before the channel's filter has landed too (the other tests' jobs): wait for the channel's.
        browser.waitUntil(d -> d.findElement(PAGE_REPORT).getText().equals("1–25 of 30"));
        List<WebElement> rows = browser.driver().findElements(ROWS);
        List<String> shown =
                rows.stream().map(row -> row.getAttribute("data-rk")).toList();

        browser.script("PF('jobsRefresh').cfg.fn();"
                + " document.querySelector('#jobsForm\\\\:jobs_head .ui-chkbox-all .ui-chkbox-box').click();");
        browser.waitForPrimeFacesAjax();

        waitForSelectionCount(25);
        assertThat(tickedRows()).containsExactlyInAnyOrderElementsOf(shown);
        browser.click(By.cssSelector("#jobsForm\\:jobs .ui-paginator-next"));
        browser.waitUntil(d -> d.findElements(ROWS).size() == 5);
        assertThat(tickedRows()).isEmpty();
        assertThat(browser.driver().findElement(SELECTION_COUNT).getText()).isEqualTo("25 selected");
    }

    static final By SELECTION_COUNT = By.id("jobsForm:selectionCount");

    private static By rowBox(JobRows.Stored job) {
        return By.cssSelector("tr[data-rk='" + job.uuid() + "'] .ui-chkbox-box");
    }

    /** Starts the page's refresh, then clicks the row's box before the refresh's answer can land. */
    private void clickDuringARefresh(JobRows.Stored job) {
        browser.script(
                "PF('jobsRefresh').cfg.fn();"
                        + " document.querySelector(\"tr[data-rk='\" + arguments[0] + \"'] .ui-chkbox-box\").click();",
                job.uuid().toString());
        browser.waitForPrimeFacesAjax();
    }

    private void waitForSelectionCount(int count) {
        browser.waitUntil(d -> d.findElement(SELECTION_COUNT).getText().equals(count + " selected"));
    }

    private List<String> tickedRows() {
        return browser.driver().findElements(ROWS).stream()
                .filter(row -> "true".equals(row.getAttribute("aria-selected")))
                .map(row -> row.getAttribute("data-rk"))
                .toList();
    }

    /** Exactly these rows are ticked in the table. */
    private void assertTicked(JobRows.Stored... jobs) {
        assertThat(tickedRows())
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(jobs).map(job -> job.uuid().toString()).toList());
    }

    @Test
    void csvExport_hasTheFilteredJobsWithQuotedFields() {
        String channel = JobRows.uniqueChannel("csv");
        JobRows.aFailedJob(channel, "java.lang.IllegalStateException", "Said \"no\", twice")
                .store();
        JobRows.aJob(channel).description("=cmd|' /C calc'!A0").store();
        showChannel(browser, channel, 2);

        // The export answers the form's full POST with a file: post the same form from the page and read it.
        String csv = (String) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('jobsForm');
                const data = new URLSearchParams(new FormData(form));
                data.append('jobsForm:exportCsv', '');
                fetch(form.action, {method: 'POST', body: data, credentials: 'same-origin'})
                    .then(r => r.text()).then(done, e => done('ERROR ' + e));""");

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("\"uuid\",\"description\",\"job_function\",\"state\",\"channel\"");
        assertThat(lines).hasSize(3);
        assertThat(csv).contains("\"Said \"\"no\"\", twice\"").contains("\"'=cmd|' /C calc'!A0\"");
    }

    @Test
    void at1400Pixels_theTableClipsNothing_breaksNoWord_andItsLinksWearTheTheme() {
        String channel = JobRows.uniqueChannel("layout-with-a-rather-long-channel-name");
        JobRows.aFailedJob(
                        channel,
                        "org.example.billing.PaymentGatewayUnavailableException",
                        "The payment gateway answered 503 Service Unavailable after 30 seconds for order 1234567 of"
                                + " customer 98765, retry later")
                .description("Charge the card of customer 98765 for the order 1234567 placed this morning")
                .store();
        JobRows.aJob(channel).description("Send the newsletter").store();
        showChannel(browser, channel, 2);
        assertThat(browser.script("return window.innerWidth")).isEqualTo(1400L);
        browser.screenshot("jobs-1400");

        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the page does not overflow sideways")
                .isEqualTo(true);
        @SuppressWarnings("unchecked")
        List<String> clipped = (List<String>) browser.script("""
                const clipped = [];
                const table = document.getElementById('jobsForm:jobs');
                const frame = table.getBoundingClientRect();
                for (const cell of table.querySelectorAll('tbody td, thead th')) {
                    if (cell.offsetParent === null) continue;
                    const box = cell.getBoundingClientRect();
                    if (cell.scrollWidth > cell.clientWidth + 1 || box.right > frame.right + 1
                            || box.right > window.innerWidth) {
                        clipped.push(cell.textContent.trim().substring(0, 40));
                    }
                }
                return clipped;""");
        assertThat(clipped).as("cells whose content is cut").isEmpty();

        @SuppressWarnings("unchecked")
        List<String> broken = (List<String>) browser.script("""
                const broken = [];
                const rows = document.getElementById('jobsForm:jobs_data');
                for (const text of rows.querySelectorAll('.qj-exc-message, .qj-exc-name, a')) {
                    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
                    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                        const words = /\\S+/g;
                        for (let m = words.exec(node.data); m; m = words.exec(node.data)) {
                            const range = document.createRange();
                            range.setStart(node, m.index);
                            range.setEnd(node, m.index + m[0].length);
                            const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                            if (lines.size > 1) broken.push(m[0]);
                        }
                    }
                }
                return broken;""");
        assertThat(broken).as("words cut over two lines").isEmpty();

        String themed = (String) browser.script("""
                const probe = document.createElement('span');
                probe.style.color = 'var(--primary-color)';
                document.body.appendChild(probe);
                const color = getComputedStyle(probe).color;
                probe.remove();
                return color;""");
        String link = browser.driver()
                .findElement(By.id("jobsForm:jobs:0:description"))
                .getCssValue("color");
        assertThat(themed).isNotBlank();
        assertThat(link)
                .as("a job's link in the theme's primary colour, not the browser's default blue or visited purple")
                .isEqualTo(org.openqa.selenium.support.Color.fromString(themed).asRgba());
    }
}
