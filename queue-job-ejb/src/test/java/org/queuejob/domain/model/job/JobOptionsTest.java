package org.queuejob.domain.model.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
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
    void halfACharacterInTheDescriptionOrIdentityKey_isRefusedAtTheCall() {
        assertThatThrownBy(() -> new JobOptions(10, null, 5, "d\uDE00", "root", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A job description cannot contain half of a character (the UTF-16 surrogate U+DE00 without"
                        + " its other half): it would be stored as \"?\".");
        assertThatThrownBy(() -> new JobOptions(10, null, 5, "d", "root", "order-7\uD83D"))
                .hasMessageStartingWith("An identity key cannot contain half of a character");
        assertThat(new JobOptions(10, null, 5, "d \uD83D\uDE00", "root", "k \uD83D\uDE00").identityKey())
                .as("whole characters are kept")
                .isEqualTo("k \uD83D\uDE00");
    }

    @Test
    void halfACharacterInAFailure_isKeptAsTheReplacementCharacter() {
        JobFailure failure = JobFailure.of(new IllegalStateException("cut \uD83D"));

        assertThat(failure.message()).isEqualTo("cut \uFFFD");
    }

    @Test
    void aNulInAFailure_isKeptAsTheReplacementCharacter() {
        JobFailure failure = JobFailure.of(new IllegalStateException("bad\u0000byte"));

        assertThat(failure.message()).isEqualTo("bad\uFFFDbyte");
        assertThat(failure.stackTrace()).contains("bad\uFFFDbyte").doesNotContain("\u0000");
    }

    @Test
    void anEtaOutsideTheYears1To9999_isRefusedAtTheCall_aPastOneIsNot() {
        Instant last = Instant.parse("9999-12-31T23:59:59.999999Z");
        assertThat(new JobOptions(10, last, 5, "d", "root", null).eta()).isEqualTo(last);
        assertThat(new JobOptions(10, Instant.EPOCH, 5, "d", "root", null).eta())
                .isEqualTo(Instant.EPOCH);

        assertThatThrownBy(() -> new JobOptions(10, last.plusNanos(1000), 5, "d", "root", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An eta is a moment from the year 1 to the year 9999 (UTC), not +10000-01-01T00:00:00Z.");
        assertThatThrownBy(() -> new JobOptions(10, Instant.MIN, 5, "d", "root", null))
                .hasMessageStartingWith("An eta is a moment from the year 1 to the year 9999 (UTC), not -1000000000-");
    }

    @Test
    void aDelayReachingPastTheYear9999_isRefusedWithTheRule_notWithInstantsOverflow() {
        Instant now = Instant.parse("2026-12-05T00:00:00Z");
        assertThat(JobEta.after(now, Duration.ofDays(1))).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));

        assertThatThrownBy(() -> JobEta.after(now, Duration.ofDays(3_000_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An eta is a moment from the year 1 to the year 9999 (UTC): a delay of PT72000000H from now"
                        + " is past the year 9999.");
        assertThatThrownBy(() -> JobEta.after(now, Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("from now is past the year 9999.");
    }
}
