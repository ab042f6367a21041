package org.queuejob.it.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.it.support.DeployedDemoEar;

/**
 * The base of the browser tests: the demo EAR deployed for the class, a fresh headless Chromium (no session) for each
 * test, a screenshot when a test fails. Tests log in as they need ({@link Browser#loginAsManager()}, {@link
 * Browser#loginAsViewer()}).
 */
@ExtendWith({DeployedDemoEar.class, ScreenshotOnFailure.class})
abstract class BrowserTest {

    protected Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
