package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.queuejob.it.support.ItEnvironment;

/**
 * Signing in and out in a real browser: the login page in place of the page asked for, and back to that very page
 * after login; logout ends the session; a lost session asks for the login again; an account without a back-office
 * group is refused every page.
 */
class LoginIT extends BrowserTest {

    @Test
    void login_returnsToThePageAskedFor_withItsQuery() {
        browser.open("/jobs.xhtml?state=failed");
        assertThat(browser.waitFor(By.id("username")).isDisplayed()).isTrue();
        assertThat(browser.driver().getCurrentUrl())
                .as("the address stays the page's")
                .endsWith("/jobs.xhtml?state=failed");

        submit(System.getProperty("queuejob.viewer.user"), System.getProperty("queuejob.viewer.password"));

        assertThat(browser.waitFor(By.id("menu")).isDisplayed()).isTrue();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/jobs.xhtml?state=failed");
        assertThat(browser.waitFor(By.id("currentUser")).getText())
                .isEqualTo(System.getProperty("queuejob.viewer.user"));
    }

    @Test
    void logout_endsTheSession_andEveryPageAsksForLoginAgain() {
        browser.loginAsManager();
        assertThat(browser.waitFor(By.id("menu")).isDisplayed()).isTrue();

        WebElement logout = browser.waitFor(By.id("logout"));
        logout.click();
        new WebDriverWait(browser.driver(), Browser.TIMEOUT).until(Browser.gone(logout));

        assertThat(browser.waitFor(By.id("username")).isDisplayed()).isTrue();
        browser.open("/dashboard.xhtml");
        assertThat(browser.waitFor(By.id("username")).isDisplayed()).isTrue();
        assertThat(browser.driver().findElements(By.id("menu"))).isEmpty();
    }

    @Test
    void aLostSession_asksForLoginAgain_andReturnsToThePage() {
        browser.loginAsViewer();
        assertThat(browser.waitFor(By.id("menu")).isDisplayed()).isTrue();

        browser.driver().manage().deleteAllCookies(); // as after the session timed out on the server
        browser.open("/channels.xhtml");

        assertThat(browser.waitFor(By.id("username")).isDisplayed()).isTrue();
        assertThat(browser.driver().findElements(By.id("menu"))).isEmpty();
        submit(System.getProperty("queuejob.viewer.user"), System.getProperty("queuejob.viewer.password"));
        assertThat(browser.waitFor(By.id("menu")).isDisplayed()).isTrue();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/channels.xhtml");
    }

    @Test
    void loggingInAgain_asAnotherUser_changesTheUser_andAWrongPasswordSignsOut() {
        browser.loginAsViewer();
        assertThat(browser.waitFor(By.id("currentUser")).getText())
                .isEqualTo(System.getProperty("queuejob.viewer.user"));

        browser.open("/login.xhtml");
        submit(System.getProperty("queuejob.manager.user"), System.getProperty("queuejob.manager.password"));
        assertThat(browser.waitFor(By.id("currentUser")).getText())
                .isEqualTo(System.getProperty("queuejob.manager.user"));

        browser.open("/login.xhtml");
        submit(System.getProperty("queuejob.manager.user"), "wrong-" + UUID.randomUUID());
        assertThat(browser.waitFor(By.id("loginError")).isDisplayed()).isTrue();
        browser.open("/dashboard.xhtml");
        assertThat(browser.waitFor(By.id("username")).isDisplayed()).isTrue();
        assertThat(browser.driver().findElements(By.id("currentUser"))).isEmpty();
    }

    @Test
    void anAccountWithoutBackOfficeGroup_isSignedIn_butRefusedEveryPage() {
        String user = "outsider-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        ItEnvironment.domain().createUser(user, password, "some-other-group");

        browser.login(user, password);

        assertThat(browser.driver().findElements(By.id("loginError")))
                .as("the password was right")
                .isEmpty();
        assertThat(browser.waitFor(By.cssSelector(".qj-error h1")).getText()).isEqualTo("Not allowed");
        assertThat(browser.driver().findElements(By.id("jobsForm:jobs"))).isEmpty();
    }

    private void submit(String user, String password) {
        browser.driver().findElement(By.id("username")).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        WebElement submit = browser.driver().findElement(By.id("login"));
        submit.click();
        new WebDriverWait(browser.driver(), Browser.TIMEOUT).until(Browser.gone(submit));
        browser.waitForPrimeFacesAjax();
    }
}
