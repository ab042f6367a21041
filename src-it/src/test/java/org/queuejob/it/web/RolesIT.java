package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Who may do what: anonymous visitors get the login page everywhere; a queue-job-viewer sees every screen and is
 * shown no action, and forged requests change nothing ({@link ViewerIT}); a queue-job-manager acts (the other tests).
 */
class RolesIT extends BrowserTest {

    static final String REFUSED = "Only a queue-job-manager may change jobs and channels";

    @Test
    void anonymousVisitor_getsTheLoginPageForEveryScreen() {
        for (String page : List.of("/", "/dashboard.xhtml", "/jobs.xhtml", "/channels.xhtml", "/job.xhtml?uuid=x")) {
            browser.open(page);
            assertThat(browser.waitFor(By.id("username")).isDisplayed())
                    .as(page)
                    .isTrue();
            assertThat(browser.driver().findElements(By.id("menu"))).as(page).isEmpty();
        }
    }
}
