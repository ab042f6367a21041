package org.queuejob.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.security.enterprise.AuthenticationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.queuejob.web.security.BackOfficeAuthentication.Refusal;

class BackOfficeAuthenticationTest {

    @Test
    void afterLogin_goesBackToAPageOfTheBackOffice_withItsQuery() {
        assertThat(BackOfficeAuthentication.returnAddress("/queue-job", "/queue-job/jobs.xhtml?state=failed"))
                .isEqualTo("/queue-job/jobs.xhtml?state=failed");
        assertThat(BackOfficeAuthentication.returnAddress("/queue-job", null)).isEqualTo("/queue-job/");
    }

    @Test
    void afterLogin_neverGoesToAnotherSite_orBackToTheLogin() {
        for (String elsewhere : new String[] {
            "https://evil.example/",
            "//evil.example/queue-job/",
            "/queue-job//evil.example",
            "/queue-job/\\evil.example",
            "/other-app/",
            "/queue-job/login.xhtml?error=true",
            "/queue-job/jobs.xhtml\r\nSet-Cookie: x=1"
        }) {
            assertThat(BackOfficeAuthentication.returnAddress("/queue-job", elsewhere))
                    .as(elsewhere)
                    .isEqualTo("/queue-job/");
        }
    }

    @Test
    void basicCredentials_areReadOnlyFromValidBasicHeaders() {
        assertThat(BackOfficeAuthentication.basicCredentials("Basic " + encode("alice:pa:ss")))
                .hasValueSatisfying(credentials -> assertThat(credentials).containsExactly("alice", "pa:ss"));
        assertThat(BackOfficeAuthentication.basicCredentials("basic " + encode("alice:x")))
                .isPresent();
        assertThat(BackOfficeAuthentication.basicCredentials("Bearer abc")).isEmpty();
        assertThat(BackOfficeAuthentication.basicCredentials("Basic not*base64"))
                .isEmpty();
        assertThat(BackOfficeAuthentication.basicCredentials("Basic " + encode(":no-user")))
                .isEmpty();
        assertThat(BackOfficeAuthentication.basicCredentials("Basic " + encode("no-colon")))
                .isEmpty();
        assertThat(BackOfficeAuthentication.basicCredentials(null)).isEmpty();
    }

    @Test
    void parallelWrongPasswordsForOneName_getOnlyTheFreeChecks_theOthersTheThrottlesAnswer() throws Exception {
        BackOfficeAuthentication authentication = withThrottle();
        int guesses = 40;
        CyclicBarrier start = new CyclicBarrier(guesses);
        // A check answers only once every guess has been let through or refused: no failure is known while the
        // others are weighed, the worst order for the throttle, made certain without sleeping.
        CountDownLatch weighed = new CountDownLatch(guesses);
        AtomicInteger checked = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(guesses);
        List<Refusal> refusals = new ArrayList<>();
        try {
            List<Future<Refusal>> answers = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                answers.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    Refusal refusal = authentication.check("manager", "test", "192.0.2.1", () -> {
                        checked.incrementAndGet();
                        weighed.countDown();
                        awaitAll(weighed);
                        return false;
                    });
                    if (refusal.throttled()) {
                        weighed.countDown();
                    }
                    return refusal;
                }));
            }
            for (Future<Refusal> answer : answers) {
                refusals.add(answer.get(20, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(checked).as("passwords checked").hasValue(LoginThrottle.FREE_FAILURES);
        assertThat(refusals).filteredOn(Refusal::throttled).hasSize(guesses - LoginThrottle.FREE_FAILURES);
        assertThat(refusals).filteredOn(refusal -> !refusal.throttled()).hasSize(LoginThrottle.FREE_FAILURES);
    }

    @Test
    void anOverlongUserName_isAWrongLogin_withoutAskingTheRealm() throws Exception {
        BackOfficeAuthentication authentication = withThrottle();
        String overlong = "manager" + "x".repeat(LoginThrottle.MAX_NAME_LENGTH);
        AtomicInteger checked = new AtomicInteger();

        for (int i = 0; i < 10; i++) {
            assertThat(authentication.check(overlong, "test", "192.0.2.1", () -> checked.incrementAndGet() > 0))
                    .isEqualTo(new Refusal(false, 0));
        }

        assertThat(checked).hasValue(0);
        assertThat(authentication.throttle.namesFollowed()).isZero();
    }

    @Test
    void aCheckTheRealmCouldNotMake_isNotCountedAsAFailure() throws Exception {
        BackOfficeAuthentication authentication = withThrottle();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
            assertThat(authentication.check("manager", "test", "192.0.2.1", () -> false))
                    .isEqualTo(new Refusal(false, 0));
        }
        assertThatThrownBy(() -> authentication.check("manager", "test", "192.0.2.1", () -> {
                    throw new AuthenticationException("realm down");
                }))
                .isInstanceOf(AuthenticationException.class);

        assertThat(authentication.check("manager", "test", "192.0.2.1", () -> true))
                .as("the right password, with one free failure left")
                .isNull();
    }

    private static void awaitAll(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static BackOfficeAuthentication withThrottle() {
        BackOfficeAuthentication authentication = new BackOfficeAuthentication();
        authentication.throttle = new LoginThrottle();
        return authentication;
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLoginPostIsCrossSite_byItsFetchMetadataFirst_thenByItsOrigin_andUnknownWithoutEither() {
        assertThat(BackOfficeAuthentication.crossSite("cross-site", null, "queue.example"))
                .isTrue();
        assertThat(BackOfficeAuthentication.crossSite("same-site", null, "queue.example"))
                .as("a sibling subdomain may be someone else's")
                .isTrue();
        assertThat(BackOfficeAuthentication.crossSite("same-origin", "https://attacker.example", "queue.example"))
                .isFalse();
        assertThat(BackOfficeAuthentication.crossSite("none", null, "queue.example"))
                .isFalse();
        assertThat(BackOfficeAuthentication.crossSite(null, "https://attacker.example", "queue.example"))
                .isTrue();
        assertThat(BackOfficeAuthentication.crossSite(null, "null", "queue.example"))
                .isTrue();
        assertThat(BackOfficeAuthentication.crossSite(null, "https://Queue.example:8181", "queue.example:8181"))
                .isFalse();
        assertThat(BackOfficeAuthentication.crossSite(null, "http://queue.example:8080", "queue.example:8181"))
                .isTrue();
        assertThat(BackOfficeAuthentication.crossSite(null, null, "queue.example"))
                .as("a script or an older browser: not known to be cross-site")
                .isFalse();
    }

    @Test
    void aTypedUserName_isLoggedQuotedWithItsControlCharactersEscaped_soItCannotWriteALineOfItsOwn() throws Exception {
        List<String> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                logged.add(logRecord.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger(BackOfficeAuthentication.class.getName());
        log.addHandler(handler);
        try {
            withThrottle()
                    .check("eve\r\nINFO: Login succeeded for user \"admin\u2028", "form", "192.0.2.9", () -> false);
        } finally {
            log.removeHandler(handler);
        }

        assertThat(logged)
                .containsExactly("Failed login (form) for user "
                        + "\"eve\\u000D\\u000AINFO: Login succeeded for user \\\"admin\\u2028\" from 192.0.2.9");
        assertThat(BackOfficeAuthentication.loggable(null)).isEqualTo("(none)");
        assertThat(BackOfficeAuthentication.loggable("ana \u00e9t\u00e9")).isEqualTo("\"ana \u00e9t\u00e9\"");
    }
}
