package org.queuejob.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

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

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
