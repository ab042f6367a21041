package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Job functions screen on the demo's sample functions: the list, an edit refused with the original's retry
 * pattern message (nothing stored), an edit saved, and a viewer shown no edit.
 */
class JobFunctionsScreenIT extends BrowserTest {

    static final String REPORT = "org.queuejob.sample.SampleJobs.buildReport";

    @AfterEach
    void restoreTheSampleFunction() {
        JobRows.execute("UPDATE queue_job_function SET retry_pattern = NULL, channel = NULL WHERE name = ?", REPORT);
    }

    private WebElement row(String name) {
        return browser.waitUntil(d -> d.findElement(
                By.xpath("//tbody[@id='functionsForm:functions_data']/tr[.//span[normalize-space()='" + name + "']]")));
    }

    private void openEditor(String name) {
        // Found again if the table re-renders between finding the row and clicking (a stale row otherwise).
        browser.click(By.xpath("//tbody[@id='functionsForm:functions_data']/tr[.//span[normalize-space()='" + name
                + "']]//*[substring(@id, string-length(@id) - 4) = ':edit']"));
        browser.waitUntil(d ->
                d.findElement(By.id("functionDialogForm:editName")).getText().equals(name));
    }

    @Test
    void manager_editsRetryPattern_malformedOneIsRefusedWithTheOriginalsMessage() {
        browser.loginAsManager();
        browser.open("/job-functions.xhtml");
        assertThat(row(REPORT).getText()).contains("root");
        browser.screenshot("job-functions");

        openEditor(REPORT);
        browser.type(By.id("functionDialogForm:editRetryPattern"), "{1: sixty}");
        browser.click(By.id("functionDialogForm:saveFunction"));
        browser.waitUntil(d -> d.findElement(By.id("functionDialogForm:functionMessages"))
                .getText()
                .contains("Unexpected format of Retry Pattern"));
        assertThat(JobRows.queryString("SELECT retry_pattern FROM queue_job_function WHERE name = ?", REPORT))
                .isNull();

        browser.type(By.id("functionDialogForm:editRetryPattern"), "{1: 60, 3: (180, 300)}");
        browser.click(By.id("functionDialogForm:saveFunction"));
        browser.waitUntil(
                d -> d.findElement(By.id("functionsForm:messages")).getText().contains("saved"));
        assertThat(JobRows.queryString("SELECT retry_pattern FROM queue_job_function WHERE name = ?", REPORT))
                .isEqualTo("{1: 60, 3: (180, 300)}");
        browser.waitUntil(d -> row(REPORT).getText().contains("{1: 60, 3: (180, 300)}"));
    }

    /**
     * Someone else changed the function while the dialog was open: a save of another field keeps their change, and a
     * save of the same field refuses rather than overwrite it.
     */
    @Test
    void manager_savesOnlyTheFieldsChangedInTheDialog_andAFieldChangedMeanwhileRefusesTheSave() {
        browser.loginAsManager();
        browser.open("/job-functions.xhtml");
        openEditor(REPORT);
        JobRows.execute("UPDATE queue_job_function SET channel = 'root.reports' WHERE name = ?", REPORT);
        browser.type(By.id("functionDialogForm:editRetryPattern"), "{1: 60}");
        browser.click(By.id("functionDialogForm:saveFunction"));
        browser.waitUntil(
                d -> d.findElement(By.id("functionsForm:messages")).getText().contains("saved"));
        assertThat(JobRows.queryString(
                        "SELECT channel || ' ' || retry_pattern FROM queue_job_function WHERE name = ?", REPORT))
                .isEqualTo("root.reports {1: 60}");

        openEditor(REPORT);
        JobRows.execute("UPDATE queue_job_function SET retry_pattern = '{1: 90}' WHERE name = ?", REPORT);
        browser.type(By.id("functionDialogForm:editRetryPattern"), "{1: 120}");
        browser.click(By.id("functionDialogForm:saveFunction"));
        browser.waitUntil(d -> d.findElement(By.id("functionDialogForm:functionMessages"))
                .getText()
                .contains("Changed by someone else meanwhile (retry pattern); nothing saved"));
        assertThat(JobRows.queryString("SELECT retry_pattern FROM queue_job_function WHERE name = ?", REPORT))
                .isEqualTo("{1: 90}");
    }

    /**
     * While the only server is quiet, the screen says each of its functions' jobs wait, and a job enqueued meanwhile
     * says why it does not start; once the server takes jobs again, the screen counts it.
     */
    @Test
    void whileOnlyQuietServersHaveAFunction_theScreenAndAWaitingJobsPageSaySo_thenCountTheServerOnceItResumes() {
        String server = ApiIT.thisServer();
        Api manager = Api.asManager();
        try {
            assertThat(manager.post("/servers/quiet", ApiIT.serverBody(server)).status())
                    .isEqualTo(200);
            String job = manager.post(
                            "/jobs",
                            "{\"function\":\"" + ApiIT.NEWSLETTER + "\",\"arguments\":[\"quiet-" + UUID.randomUUID()
                                    + "@example.org\"]}")
                    .json()
                    .getString("uuid");
            browser.loginAsManager();

            browser.open("/job.xhtml?uuid=" + job);
            assertThat(browser.waitFor(By.id("noRunningServer")).getText())
                    .isEqualTo("Only quiet servers have this job function: it waits until one of them resumes.");
            assertThat(JobRows.state(UUID.fromString(job))).isEqualTo("pending");

            browser.open("/job-functions.xhtml");
            assertThat(row(REPORT).getText()).contains("Only 1 quiet: its jobs wait");
            assertThat(row(ApiIT.NEWSLETTER)
                            .findElement(By.cssSelector("[id$=':servers']"))
                            .getAttribute("class"))
                    .contains("qj-function-waits");
            browser.screenshot("job-functions-quiet");

            assertThat(manager.post("/servers/resume", ApiIT.serverBody(server)).status())
                    .isEqualTo(200);
            browser.open("/job-functions.xhtml");
            assertThat(row(REPORT).getText()).contains("1 server").doesNotContain("quiet");
        } finally {
            manager.post("/servers/resume", ApiIT.serverBody(server));
        }
    }

    /**
     * The Name header sorts the rows, ascending then descending, on the page. Before, PrimeFaces sorted the service's
     * unmodifiable list in place and the click opened the error page.
     */
    @Test
    void clickingTheNameHeader_sortsTheRowsBothWays_insteadOfOpeningTheErrorPage() {
        browser.loginAsViewer();
        browser.open("/job-functions.xhtml");
        row(REPORT);
        List<String> listed = names();
        assertThat(listed).as("the demo's functions").hasSizeGreaterThan(1);
        // As PrimeFaces compares a column's text: with the page's collation, not case-sensitive.
        Collator collation = Collator.getInstance(Locale.ENGLISH);
        Comparator<String> byName = Comparator.comparing((String name) -> name.toLowerCase(Locale.ENGLISH), collation);
        List<String> ascending = listed.stream().sorted(byName).toList();
        List<String> descending = listed.stream().sorted(byName.reversed()).toList();

        browser.click(NAME_HEADER);
        browser.waitUntil(d -> names().equals(ascending));
        assertNoErrorPage();

        browser.click(NAME_HEADER);
        browser.waitUntil(d -> names().equals(descending));
        assertNoErrorPage();
        assertThat(browser.driver().getCurrentUrl()).contains("job-functions.xhtml");
    }

    private static final By NAME_HEADER = By.xpath("//div[@id='functionsForm:functions']//th[contains(@class,"
            + " 'ui-sortable-column')][.//span[normalize-space()='Name']]");

    /** The functions' names, top to bottom, as the table shows them. */
    private List<String> names() {
        return browser
                .driver()
                .findElements(By.cssSelector("tbody[id='functionsForm:functions_data'] span[id$=':name']"))
                .stream()
                .map(name -> name.getText().strip())
                .toList();
    }

    private void assertNoErrorPage() {
        assertThat(browser.driver().findElements(By.cssSelector(".qj-error")))
                .as("the error page")
                .isEmpty();
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).doesNotContain("Something went wrong");
    }

    @Test
    void viewer_seesJobFunctions_butNoEdit() {
        browser.loginAsViewer();
        browser.open("/job-functions.xhtml");

        assertThat(row(REPORT).getText()).contains("root");
        assertThat(browser.driver().findElements(By.cssSelector("[id$=':edit']")))
                .isEmpty();
        assertThat(browser.driver().findElements(By.id("functionDialogForm"))).isEmpty();
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .contains("Read only: your role may look at job functions, not change them.");
    }
}
