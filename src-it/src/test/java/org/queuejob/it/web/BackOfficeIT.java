package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.queuejob.domain.model.job.JobState;

/**
 * The back office in a real browser, against the deployed demo EAR, where sample jobs keep arriving. Reads the
 * system properties {@code queuejob.baseUrl}, {@code queuejob.manager.user} and {@code queuejob.manager.password}.
 * Each test has its own browser, hence its own session.
 */
class BackOfficeIT extends BrowserTest {

    private static final By USERNAME = By.id("username");
    private static final By PASSWORD = By.id("password");
    private static final By LOGIN_BUTTON = By.id("login");
    private static final By LOGIN_ERROR = By.id("loginError");
    private static final By JOBS_TABLE = By.id("jobsForm:jobs");
    private static final By FIRST_JOB_LINK = By.id("jobsForm:jobs:0:description");
    private static final By JOB_DESCRIPTION = By.id("jobDescription");
    private static final By JOB_STATE = By.id("jobState");

    /** Sample jobs arrive every few seconds and the list refreshes itself every 5: rows show within ~30 s. */
    private static final Duration FIRST_JOBS = Duration.ofSeconds(60);

    @Test
    void anonymousVisitorIsSentToLogin() throws IOException, InterruptedException {
        browser.open("/jobs.xhtml");

        assertThat(browser.waitFor(USERNAME).isDisplayed()).isTrue();
        assertThat(browser.driver().findElement(PASSWORD).isDisplayed()).isTrue();
        assertThat(browser.driver().findElement(LOGIN_BUTTON).isDisplayed()).isTrue();
        assertThat(browser.driver().findElements(JOBS_TABLE)).isEmpty();

        // Without a browser either: the server itself withholds the page, whatever a script would hide.
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/jobs.xhtml"))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("name=\"j_password\"").doesNotContain("jobsForm:jobs");
    }

    @Test
    void managerSeesJobsAndOpensDetail() {
        browser.login(property("queuejob.manager.user"), property("queuejob.manager.password"));

        browser.waitFor(JOBS_TABLE);
        browser.waitFor(FIRST_JOB_LINK, FIRST_JOBS);
        browser.waitForPrimeFacesAjax();
        browser.screenshot("jobs");

        // The list refreshes every 5 s and replaces its rows: read and click one and the same link, again if the
        // refresh replaced it in between.
        String openedDescription = new WebDriverWait(browser.driver(), Browser.TIMEOUT)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(ElementClickInterceptedException.class)
                .until(driver -> {
                    WebElement link = driver.findElement(FIRST_JOB_LINK);
                    String description = link.getText();
                    link.click();
                    return description;
                });

        new WebDriverWait(browser.driver(), Browser.TIMEOUT).until(ExpectedConditions.urlContains("/job.xhtml?uuid="));
        WebElement description = browser.waitFor(JOB_DESCRIPTION);
        WebElement state = browser.waitFor(JOB_STATE);
        browser.waitForPrimeFacesAjax();

        assertThat(description.getText()).isNotBlank().isEqualTo(openedDescription);
        assertThat(Arrays.stream(JobState.values()).map(JobState::label))
                .anyMatch(label -> label.equalsIgnoreCase(state.getText()));
        browser.screenshot("job-detail");
    }

    @Test
    void wrongPasswordIsRefused() {
        browser.login(property("queuejob.manager.user"), "wrong-" + UUID.randomUUID());

        assertThat(browser.waitFor(LOGIN_ERROR).getText()).contains("Invalid user name or password");
        assertThat(browser.driver().findElement(USERNAME).isDisplayed()).isTrue();
        assertThat(browser.driver().findElements(JOBS_TABLE)).isEmpty();
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set.");
        }
        return value;
    }
}
