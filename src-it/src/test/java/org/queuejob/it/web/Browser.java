package org.queuejob.it.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the browser tests, from Debian's packages ({@code chromium}, {@code chromium-driver}):
 * the driver executable is given, so Selenium Manager never runs and nothing is downloaded. Each instance has a fresh
 * profile, hence no cookies and no session, and {@link #startAfresh()} makes it so again for the next test. Waits
 * watch the page (load state, PrimeFaces' ajax queue); nothing sleeps.
 *
 * <p>The back office is found at the system property {@code queuejob.baseUrl}, e.g. {@code
 * http://localhost:8080/queue-job}.
 */
public final class Browser implements AutoCloseable {

    /** Longest wait for anything a page does by itself. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    static final String BASE_URL_PROPERTY = "queuejob.baseUrl";
    static final String DEFAULT_BASE_URL = "http://localhost:8080/queue-job";
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Dimension WINDOW = new Dimension(1400, 900);

    /**
     * The page is loaded and PrimeFaces has no ajax request queued (PrimeFaces 15: {@code PrimeFaces.ajax.Queue}) or
     * running (jQuery's count, which also covers asynchronous requests that bypass the queue), and no animation.
     */
    private static final String PAGE_IDLE = "return document.readyState === 'complete'"
            + " && (!window.PrimeFaces || (PrimeFaces.ajax.Queue.isEmpty() && !PrimeFaces.animationActive))"
            + " && (!window.jQuery || jQuery.active === 0);";

    /** The browser of the test running on this thread, for {@link ScreenshotOnFailure}. */
    static final ThreadLocal<Browser> CURRENT = new ThreadLocal<>();

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriver driver;

    public Browser() {
        this(System.getProperty(BASE_URL_PROPERTY, DEFAULT_BASE_URL));
    }

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.profile = createProfile();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight(),
                "--user-data-dir=" + profile);
        try {
            this.driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteProfile();
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // Every page, before its own scripts run, records the Content-Security-Policy violations it meets.
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_COLLECTOR));
        CURRENT.set(this);
    }

    /**
     * Makes the browser what a new one is to the back office, for the next test: no cookies, hence no session; no
     * data stored by a page; one window, at the usual size, showing nothing. Its HTTP cache stays, as a returning
     * user's would: the back office's pages are never cached (they carry no validator), its scripts and styles are.
     * A new Chromium for each test cost 1.5 s (1.34 s to start, 0.19 s to quit on average, 124 s for the 81 of a Payara
     * run), and its first page loaded every script again.
     */
    public void startAfresh() {
        try {
            driver.switchTo().alert().dismiss();
        } catch (NoAlertPresentException none) {
            // The usual case.
        }
        String first = driver.getWindowHandles().iterator().next();
        for (String window : driver.getWindowHandles()) {
            if (!window.equals(first)) {
                driver.switchTo().window(window).close();
            }
        }
        driver.switchTo().window(first);
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin(), "storageTypes", "all"));
        driver.manage().window().setSize(WINDOW);
        CURRENT.set(this);
    }

    /** The scheme, host and port of the back office, the origin whose stored data {@link #startAfresh()} clears. */
    private String origin() {
        java.net.URI uri = java.net.URI.create(baseUrl);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** Installed in every document before its scripts: collects {@code securitypolicyviolation} events. */
    private static final String CSP_COLLECTOR = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', function (e) {
                window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)')
                    + ' at ' + (e.sourceFile || document.location.pathname) + ':' + e.lineNumber
                    + ' ' + (e.sample || ''));
            });""";

    /** The Content-Security-Policy violations the current page has met since it loaded. */
    @SuppressWarnings("unchecked")
    public java.util.List<String> cspViolations() {
        Object found = script("return window.__cspViolations || [];");
        return found instanceof java.util.List<?> list
                ? list.stream().map(String::valueOf).toList()
                : java.util.List.of();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Loads a page of the back office, {@code path} relative to the base URL (e.g. {@code /jobs.xhtml}). */
    public void open(String path) {
        driver.get(baseUrl + (path.startsWith("/") ? path : "/" + path));
        waitForPrimeFacesAjax();
    }

    /**
     * Logs in through the back office's form: asks for the job list, which is answered with the login page (which
     * remembers where to return), fills it in and submits. Returns once the next page has loaded, whether the
     * login was accepted or refused.
     */
    public void login(String user, String password) {
        open("/jobs.xhtml");
        WebElement username = waitFor(By.id("username"));
        username.clear();
        username.sendKeys(user);
        WebElement passwordField = driver.findElement(By.id("password"));
        passwordField.clear();
        passwordField.sendKeys(password);
        WebElement submit = driver.findElement(By.id("login"));
        submit.click();
        new WebDriverWait(driver, TIMEOUT).until(gone(submit));
        waitForPrimeFacesAjax();
    }

    /**
     * Whether {@code element} has left the page (the page was replaced, or the element re-rendered). Selenium's
     * {@code stalenessOf} takes only a {@code StaleElementReferenceException} as gone, but while Chromium navigates
     * away its driver may answer "Node with given id does not belong to the document" instead, which failed a CI run's
     * login: any refusal to look at the element means it is gone.
     */
    public static ExpectedCondition<Boolean> gone(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException noLongerThere) {
                return true;
            }
        };
    }

    /** Logs in as the demo's manager (system properties set by {@code DeployedDemoEar}). */
    public void loginAsManager() {
        login(property("queuejob.manager.user"), property("queuejob.manager.password"));
    }

    /** Logs in as the demo's viewer. */
    public void loginAsViewer() {
        login(property("queuejob.viewer.user"), property("queuejob.viewer.password"));
    }

    /** Clicks once the element can be clicked, then waits for the page and PrimeFaces' ajax queue. */
    public void click(By locator) {
        new WebDriverWait(driver, TIMEOUT)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .until(d -> {
                    d.findElement(locator).click();
                    return true;
                });
        waitForPrimeFacesAjax();
    }

    /**
     * Clicks {@code locator} until {@code effect} holds, each click given a few seconds to have it. For a click whose
     * target may still move when it lands: the job graph's node right after a zoom (fresh-clone check of 2026-12-02,
     * JobDetailIT: the click landed, the page stayed on the job it was on).
     */
    public void clickUntil(By locator, java.util.function.Function<WebDriver, ?> effect) {
        new WebDriverWait(driver, TIMEOUT)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> {
                    WebElement target = d.findElement(locator);
                    ((JavascriptExecutor) d)
                            .executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", target);
                    target.click();
                    try {
                        return new WebDriverWait(d, Duration.ofSeconds(3)).until(effect) != null;
                    } catch (org.openqa.selenium.TimeoutException notYet) {
                        return false;
                    }
                });
        waitForPrimeFacesAjax();
    }

    /** Replaces an input's text (its keyup ajax fires after its delay: wait for its effect, not for the queue). */
    public void type(By locator, String text) {
        // A key press can land while a closing overlay (a date picker) still holds the focus and be lost: type again
        // until the field shows the text, and fail here, naming the field, rather than post a form without it.
        new WebDriverWait(driver, TIMEOUT)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage(() -> "the field " + locator + " does not take the text '" + text + "'")
                .until(d -> {
                    WebElement input = d.findElement(locator);
                    // Select and delete rather than clear(): clear() fires no key event.
                    input.sendKeys(
                            org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                            org.openqa.selenium.Keys.DELETE);
                    if (!text.isEmpty()) {
                        input.sendKeys(text);
                    }
                    return text.equals(input.getAttribute("value"));
                });
    }

    /** Waits until {@code condition} holds, re-reading the page (which refreshes itself) each time. */
    public <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return waitUntil(condition, TIMEOUT);
    }

    public <T> T waitUntil(java.util.function.Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(condition);
    }

    /**
     * Sets a date picker's text as a paste would (its input and change events fired), then closes its panel. Typed
     * key by key, the text was lost for 30 s of retries once (fresh-clone check of 2026-12-02, JobDetailIT): the
     * picker opens on focus and, on a loaded machine, its panel kept the keys.
     */
    public void setDate(By locator, String text) {
        new WebDriverWait(driver, TIMEOUT)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage(() -> "the date field " + locator + " does not take the text '" + text + "'")
                .until(d -> {
                    WebElement input = d.findElement(locator);
                    script(
                            "arguments[0].value = arguments[1];"
                                    + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                                    + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                            input,
                            text);
                    input.sendKeys(org.openqa.selenium.Keys.ESCAPE);
                    return text.equals(input.getAttribute("value"));
                });
    }

    /** Runs a script in the page and returns its result. */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Runs a script whose last argument is a callback, and returns what it passes to the callback. */
    public Object asyncScript(String script, Object... arguments) {
        driver.manage().timeouts().scriptTimeout(TIMEOUT);
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set.");
        }
        return value;
    }

    /** Waits until the page has loaded and no PrimeFaces ajax request is queued or running. */
    public void waitForPrimeFacesAjax() {
        new WebDriverWait(driver, TIMEOUT)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(PAGE_IDLE)));
    }

    public WebElement waitFor(By locator) {
        return waitFor(locator, TIMEOUT);
    }

    /**
     * The elements found that the user can see: a row's or a job's button that does not apply now is in the page,
     * hidden ({@code qj-not-now}), so that a click sent just before a refresh still reaches the server.
     */
    public List<WebElement> shown(By locator) {
        return driver.findElements(locator).stream()
                .filter(WebElement::isDisplayed)
                .toList();
    }

    public WebElement waitFor(By locator, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the whole page, not only the window, as {@code target/screenshots/<name>.png}. */
    public Path screenshotFullPage(String name) {
        org.openqa.selenium.Dimension window = driver.manage().window().getSize();
        long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(window.getWidth(), (int)
                Math.min(height + 100, 5000)));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** Ends the browser and its driver, and removes the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            CURRENT.remove();
            deleteProfile();
        }
    }

    private static Path createProfile() {
        try {
            return Files.createTempDirectory("queue-job-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary profile is harmless; the test's outcome matters more.
        }
    }
}
