package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.queuejob.it.support.ItEnvironment;

/**
 * What the back office sends besides its pages: a Content-Security-Policy that every screen satisfies (violations
 * are collected in the browser while the screens are used), no server version banners, and logins slowed down after
 * repeated wrong passwords.
 */
class SecurityIT extends BrowserTest {

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void everyScreen_satisfiesItsContentSecurityPolicy_whileItIsUsed() {
        String channel = JobRows.uniqueChannel("csp");
        UUID graph = UUID.randomUUID();
        JobRows.Stored parent = JobRows.aFailedJob(channel, "java.io.IOException", "Disk <b>full</b>")
                .graph(graph)
                .store();
        JobRows.Stored child =
                JobRows.aJob(channel).graph(graph).state("wait_dependencies").store();
        JobRows.dependency(parent, child);

        browser.open("/login.xhtml");
        assertThat(browser.cspViolations()).as("login page").isEmpty();
        // The collector does see violations: an inline event handler, which the policy forbids, is reported.
        browser.script("const img = document.createElement('img'); img.setAttribute('onerror', 'window.hit = 1');"
                + " img.src = 'data:,'; document.body.appendChild(img);");
        List<String> seen = browser.waitUntil(d -> browser.cspViolations().isEmpty() ? null : browser.cspViolations());
        assertThat(seen).anyMatch(violation -> violation.startsWith("script-src"));
        browser.loginAsManager();
        assertThat(browser.cspViolations()).as("after login").isEmpty();

        browser.open("/dashboard.xhtml");
        browser.waitFor(By.id("stateChannelCounts"));
        assertThat(browser.cspViolations()).as("dashboard").isEmpty();

        JobsScreenIT.showChannel(browser, channel, 2);
        browser.click(
                By.xpath("//div[@id='jobsForm:groupBy']//div[contains(@class,'ui-button')][.//span[text()='State']]"));
        browser.waitFor(By.id("jobsForm:groups"));
        BulkActionsIT.chooseBulk(browser, "bulkMatching", "matching_CHANGE_PRIORITY");
        browser.click(By.id("bulkForm:bulkCancel"));
        assertThat(browser.cspViolations()).as("jobs, grouped, bulk dialog").isEmpty();

        browser.open("/job.xhtml?uuid=" + parent.uuid());
        browser.waitFor(By.cssSelector("#graph svg"));
        browser.click(By.id("graphFit"));
        browser.click(By.id("copyStackTrace"));
        assertThat(browser.cspViolations()).as("job page with graph").isEmpty();

        browser.open("/channels.xhtml");
        browser.click(
                By.xpath(ChannelsScreenIT.rowXpath("root") + "//*[substring(@id, string-length(@id) - 4) = ':edit']"));
        browser.waitFor(By.id("channelDialogForm:editName"));
        assertThat(browser.cspViolations()).as("channels and their dialog").isEmpty();

        browser.open("/job-functions.xhtml");
        browser.waitFor(By.id("functionsForm:functions"));
        assertThat(browser.cspViolations()).as("job functions").isEmpty();
        browser.screenshot("csp-job-functions");
    }

    @Test
    void pagesCarryTheirPolicy_andNameNoServerVersion() throws IOException, InterruptedException {
        for (String path : List.of("/login.xhtml", "/jobs.xhtml")) {
            HttpResponse<String> page = get(path);

            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(policy -> assertThat(policy)
                            .contains("default-src 'self'")
                            .contains("frame-ancestors 'none'")
                            .contains("object-src 'none'")
                            .containsPattern("script-src 'self' 'nonce-[^']+'"));
            assertThat(page.headers().firstValue("Server")).as(path).isEmpty();
            assertThat(page.headers().firstValue("X-Powered-By")).as(path).isEmpty();
        }
        HttpResponse<String> stylesheet = get("/jakarta.faces.resource/app.css.xhtml?ln=queue-job");
        assertThat(stylesheet.headers().firstValue("Server")).isEmpty();
        assertThat(stylesheet.headers().firstValue("X-Powered-By")).isEmpty();
    }

    @Test
    void repeatedWrongPasswords_areThrottled_andThenEvenTheRightOneWaits() {
        String user = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "right-" + UUID.randomUUID();
        ItEnvironment.domain().createUser(user, password, "queue-job-viewer");

        for (int attempt = 1; attempt <= 5; attempt++) {
            browser.login(user, "wrong-" + attempt);
            assertThat(browser.waitFor(By.id("loginError")).getText())
                    .as("attempt %d", attempt)
                    .contains("Invalid user name or password");
        }

        browser.login(user, password);

        assertThat(browser.waitFor(By.id("loginThrottled")).getText())
                .matches("(?s).*Too many failed logins for this user name: try again in \\d+ seconds\\..*");
        assertThat(browser.driver().findElements(By.id("menu")))
                .as("not logged in")
                .isEmpty();
        browser.screenshot("login-throttled");

        // Another user name is not slowed down by these failures.
        browser.loginAsViewer();
        assertThat(browser.waitFor(By.id("menu")).isDisplayed()).isTrue();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(browser.baseUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
