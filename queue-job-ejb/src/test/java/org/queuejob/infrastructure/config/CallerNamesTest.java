package org.queuejob.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallerNamesTest {

    private final CallerNames names = new CallerNames(List.of("ANONYMOUS", " anonymous "));

    @Test
    void theAnonymousCallerOfPayaraAndOfWildFlyHasNoName() {
        assertThat(names.nameOf(() -> "ANONYMOUS")).isNull();
        assertThat(names.nameOf(() -> "anonymous")).isNull();
        assertThat(names.nameOf(null)).isNull();
        assertThat(names.nameOf(() -> " ")).isNull();
    }

    @Test
    void aSignedInUserKeepsTheirName() {
        Principal alice = () -> "alice";

        assertThat(names.nameOf(alice)).isEqualTo("alice");
    }
}
