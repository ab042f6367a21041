package org.queuejob.domain.model.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobOptionsTest {

    @Test
    void descriptionLongerThanItsColumn_isRefusedAtTheCallSayingTheLimit() {
        assertThat(new JobOptions(10, null, 5, "d".repeat(1000), "root", null).description())
                .hasSize(1000);

        assertThatThrownBy(() -> new JobOptions(10, null, 5, "d".repeat(1001), "root", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A job description is at most 1000 characters long; this one has 1001.");
    }

    @Test
    void identityKeyLongerThanItsColumn_isRefusedAtTheCallSayingTheLimit() {
        assertThat(new JobOptions(10, null, 5, "d", "root", "k".repeat(255)).identityKey())
                .hasSize(255);

        assertThatThrownBy(() -> new JobOptions(10, null, 5, "d", "root", "k".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An identity key is at most 255 characters long; this one has 256.");
    }

    @Test
    void aNulInTheDescriptionOrIdentityKey_isRefusedAtTheCall() {
        assertThatThrownBy(() -> new JobOptions(10, null, 5, "d\u0000", "root", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A job description cannot contain the character U+0000 (NUL): PostgreSQL cannot store it"
                        + " in text.");
        assertThatThrownBy(() -> new JobOptions(10, null, 5, "d", "root", "k\u0000"))
                .hasMessageStartingWith("An identity key cannot contain the character U+0000");
    }

    @Test
    void aNulInAFailure_isKeptAsTheReplacementCharacter() {
        JobFailure failure = JobFailure.of(new IllegalStateException("bad\u0000byte"));

        assertThat(failure.message()).isEqualTo("bad\uFFFDbyte");
        assertThat(failure.stackTrace()).contains("bad\uFFFDbyte").doesNotContain("\u0000");
    }
}
