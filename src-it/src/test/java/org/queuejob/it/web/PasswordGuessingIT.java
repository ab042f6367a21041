package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.it.support.DeployedDemoEar;
import org.queuejob.it.support.ItEnvironment;

/**
 * Password guessing gets no way around the throttle: after 5 wrong passwords in a row for a user name, every way of
 * trying a password for it (the login form's {@code /login}, the container's {@code j_security_check}, the REST API's
 * HTTP Basic) is refused without the password being checked, even the right one, while other user names are not
 * slowed down. Real HTTP against the demo EAR, as a script would guess.
 */
@ExtendWith(DeployedDemoEar.class)
class PasswordGuessingIT {

    private static final String DASHBOARD = "/dashboard.xhtml";
    /** Only the dashboard itself has this table; the login page has the password field. */
    private static final String DASHBOARD_MARK = "id=\"stateChannelCounts\"";

    private static final String LOGIN_FIELD = "name=\"j_password\"";

    @Test
    void jSecurityCheck_afterWrongPasswords_doesNotLetTheRightOneIn() throws Exception {
        String user = newViewer();
        Client client = new Client();
        for (int attempt = 1; attempt <= 6; attempt++) {
            client.get(DASHBOARD);
            client.postForm("/j_security_check", user, "wrong-" + attempt);
        }

        client.get(DASHBOARD);
        client.postForm("/j_security_check", user, password(user));

        HttpResponse<String> dashboard = client.get(DASHBOARD);
        assertThat(dashboard.body()).doesNotContain(DASHBOARD_MARK).contains(LOGIN_FIELD);
    }

    @Test
    void jSecurityCheck_isNoLoginThatBypassesTheForm() throws Exception {
        // The one form that checks passwords is the back office's own (/login): the container's j_security_check
        // lets nobody in, not even with the right password at the first attempt.
        String user = newViewer();
        Client client = new Client();
        client.get(DASHBOARD);
        client.postForm("/j_security_check", user, password(user));

        HttpResponse<String> dashboard = client.get(DASHBOARD);
        assertThat(dashboard.body()).doesNotContain(DASHBOARD_MARK).contains(LOGIN_FIELD);
    }

    @Test
    void loginForm_afterWrongPasswords_refusesTheRightOne_andOtherUsersStillLogIn() throws Exception {
        String user = newViewer();
        Client guesser = new Client();
        guesser.get(DASHBOARD); // as a browser: the login page comes with a session
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> refused = guesser.postForm("/login", user, "wrong-" + attempt);
            assertThat(refused.headers().firstValue("Location"))
                    .as("attempt %d", attempt)
                    .hasValueSatisfying(location -> assertThat(location).contains("error=true"));
        }

        HttpResponse<String> throttled = guesser.postForm("/login", user, password(user));
        assertThat(throttled.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("error=throttled&seconds="));
        assertThat(guesser.get(DASHBOARD).body()).doesNotContain(DASHBOARD_MARK);

        String other = newViewer();
        Client colleague = new Client();
        colleague.get(DASHBOARD);
        colleague.postForm("/login", other, password(other));
        assertThat(colleague.get(DASHBOARD).body()).contains(DASHBOARD_MARK);
    }

    /**
     * The session cookie is {@code SameSite=Lax}: a browser then sends it with no post from another site, so another
     * site's page cannot act in the back office under the login of whoever opens it. The servers' own configuration
     * adds it (the demo's and the tests' set-up, as the README tells operators); before, neither did. Payara writes
     * the attribute twice over HTTP/1.1 (FISH-10867: its listener appends it to the session cookie, then to every
     * cookie); a browser takes the last, and no value but Lax may appear.
     */
    @Test
    void theSessionCookie_isSameSiteLax_fromTheLoginPageToTheSignedInSession() throws Exception {
        String user = newViewer();
        Client browser = new Client();
        HttpResponse<String> loginPage = browser.get(DASHBOARD);
        HttpResponse<String> login = browser.postForm("/login", user, password(user));
        assertThat(browser.get(DASHBOARD).body()).contains(DASHBOARD_MARK);

        List<String> sessionCookies = Stream.of(loginPage, login)
                .flatMap(response -> response.headers().allValues("Set-Cookie").stream())
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .toList();
        assertThat(sessionCookies)
                .as("the login page starts a session, and the login gives it a new id")
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(cookie -> assertThat(Stream.of(cookie.split(";"))
                                .map(attribute -> attribute.strip().toLowerCase(Locale.ROOT))
                                .filter(attribute -> attribute.startsWith("samesite"))
                                .toList())
                        .as(cookie)
                        .isNotEmpty()
                        .containsOnly("samesite=lax"));
    }

    /**
     * Login CSRF: another site's page posting the login form must not sign the browser in (under the attacker's name),
     * nor end its login, nor count against the name's throttle. Before, the post was checked as any login.
     */
    @Test
    void aLoginPostedFromAnotherSite_isRefusedUnchecked_andCountsNothing() throws Exception {
        String user = newViewer();
        Client browser = new Client();
        browser.get(DASHBOARD);

        HttpResponse<String> forged = browser.postForm(
                "/login", user, password(user), "Sec-Fetch-Site", "cross-site", "Origin", "https://attacker.example");
        assertThat(forged.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("error=cross-site"));
        assertThat(browser.get(DASHBOARD).body()).doesNotContain(DASHBOARD_MARK);
        for (int attempt = 1; attempt <= 5; attempt++) {
            browser.postForm("/login", user, "forged-" + attempt, "Origin", "https://attacker.example");
        }

        browser.postForm("/login", user, password(user), "Sec-Fetch-Site", "same-origin");
        assertThat(browser.get(DASHBOARD).body())
                .as("signed in on the site's own form: the forged posts counted no failure")
                .contains(DASHBOARD_MARK);
    }

    @Test
    void apiBasic_afterWrongPasswords_refusesTheRightOne_andCountsForTheLoginFormToo() throws Exception {
        String user = newViewer();
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> refused = apiGet(user, "wrong-" + attempt);
            assertThat(refused.statusCode()).as("attempt %d", attempt).isEqualTo(401);
        }

        HttpResponse<String> throttled = apiGet(user, password(user));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 30L));
        assertThat(throttled.body()).contains("Too many failed logins for this user name");

        // The same user name through the login form: refused as well, without its password being looked at.
        Client browser = new Client();
        HttpResponse<String> form = browser.postForm("/login", user, password(user));
        assertThat(form.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("error=throttled"));

        String other = newViewer();
        assertThat(apiGet(other, password(other)).statusCode()).isEqualTo(200);
    }

    @Test
    void loginForm_wrongPasswords_countForTheApiToo() throws Exception {
        String user = newViewer();
        Client guesser = new Client();
        for (int attempt = 1; attempt <= 5; attempt++) {
            guesser.postForm("/login", user, "wrong-" + attempt);
        }

        assertThat(apiGet(user, password(user)).statusCode()).isEqualTo(429);
    }

    @Test
    void aRightPassword_beforeTheLimit_clearsTheCount() throws Exception {
        String user = newViewer();
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(apiGet(user, "wrong-" + attempt).statusCode()).isEqualTo(401);
        }
        Client client = new Client();
        client.get(DASHBOARD);
        client.postForm("/login", user, password(user));
        assertThat(client.get(DASHBOARD).body()).contains(DASHBOARD_MARK);

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(apiGet(user, "wrong-again-" + attempt).statusCode()).isEqualTo(401);
        }
        assertThat(apiGet(user, password(user)).statusCode()).isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String newViewer() {
        String user = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        ItEnvironment.domain().createUser(user, password(user), "queue-job-viewer");
        return user;
    }

    private static String password(String user) {
        return "right-" + user;
    }

    private static String base() {
        return System.getProperty("queuejob.baseUrl");
    }

    private static HttpResponse<String> apiGet(String user, String password) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/api/v1/channels"))
                                .header("Authorization", "Basic " + basic)
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** A browser-like client with its own cookies, following no redirect (the tests look at where they point). */
    private static final class Client {

        // HTTP/1.1, as browsers speak to a server without TLS: Java's client would otherwise upgrade to HTTP/2,
        // whose responses Payara writes another way (its HTTP/1.1 writer appends the listener's SameSite again).
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base() + path))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Posts the login form; {@code headers} are name, value pairs a browser would add (its fetch metadata). */
        HttpResponse<String> postForm(String path, String user, String password, String... headers)
                throws IOException, InterruptedException {
            String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
