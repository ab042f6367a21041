package org.queuejob.it.web;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/** Saves {@code FAILED-<test>.png} of the test's browser when a browser test fails, before the browser closes. */
public class ScreenshotOnFailure implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        Browser browser = Browser.CURRENT.get();
        if (browser != null) {
            try {
                browser.screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
            } catch (RuntimeException e) {
                throwable.addSuppressed(e);
            }
        }
        throw throwable;
    }
}
