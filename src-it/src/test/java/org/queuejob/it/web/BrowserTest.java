package org.queuejob.it.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriverException;
import org.queuejob.it.support.DeployedDemoEar;

/**
 * The base of the browser tests: the demo EAR deployed for the class, a headless Chromium that each test finds as a
 * new one would be (no cookies, hence no session: {@link Browser#startAfresh()}), a screenshot when a test fails. One
 * Chromium serves the class's tests; a test that leaves it unusable (crashed, hung) has the next one start another.
 * Tests log in as they need ({@link Browser#loginAsManager()}, {@link Browser#loginAsViewer()}).
 */
@ExtendWith({DeployedDemoEar.class, ScreenshotOnFailure.class})
abstract class BrowserTest {

    private static Browser shared;

    protected Browser browser;

    @BeforeEach
    void openBrowser() {
        if (shared != null) {
            try {
                shared.startAfresh();
            } catch (WebDriverException unusable) {
                closeShared();
            }
        }
        if (shared == null) {
            shared = new Browser();
        }
        browser = shared;
    }

    @AfterAll
    static void closeBrowser() {
        closeShared();
    }

    private static void closeShared() {
        if (shared != null) {
            try {
                shared.close();
            } catch (WebDriverException alreadyGone) {
                // Its profile is removed all the same; nothing else is left to free.
            } finally {
                shared = null;
            }
        }
    }
}
