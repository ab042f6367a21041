package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.queuejob.it.support.DeployedDemoEar;

/**
 * The Job functions screen on the demo's sample functions: the list, an edit refused with the original's retry
 * pattern message (nothing stored), an edit saved, and a viewer refused.
 */
@ExtendWith({DeployedDemoEar.class, ScreenshotOnFailure.class})
class JobFunctionsScreenIT {

    static final String REPORT = "org.queuejob.sample.SampleJobs.buildReport";

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
        JobRows.execute("UPDATE queue_job_function SET retry_pattern = NULL WHERE name = ?", REPORT);
    }

    private WebElement row(String name) {
        return browser.waitUntil(d -> d.findElement(
                By.xpath("//tbody[@id='functionsForm:functions_data']/tr[.//span[normalize-space()='" + name + "']]")));
    }

    private void openEditor(String name) {
        row(name).findElement(By.cssSelector("[id$=':edit']")).click();
        browser.waitForPrimeFacesAjax();
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
        browser.waitUntil(d -> d.findElement(By.id("functionsForm:messages"))
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

    @Test
    void viewer_seesJobFunctions_butTheServerRefusesAnEdit() {
        browser.loginAsViewer();
        browser.open("/job-functions.xhtml");
        openEditor(REPORT);
        browser.type(By.id("functionDialogForm:editRetryPattern"), "{1: 60}");
        browser.click(By.id("functionDialogForm:saveFunction"));

        browser.waitUntil(
                d -> d.findElement(By.id("functionsForm:messages")).getText().contains(RolesIT.REFUSED));
        assertThat(JobRows.queryString("SELECT retry_pattern FROM queue_job_function WHERE name = ?", REPORT))
                .isNull();
    }
}
