package org.queuejob.domain.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoredTextTest {

    /** U+1F600, two UTF-16 characters. */
    private static final String GRINNING = "\uD83D\uDE00";

    @Test
    void textWithinTheLengthIsKeptAsItIs() {
        assertThat(StoredText.shortened("abcde", 5)).isEqualTo("abcde");
        assertThat(StoredText.prefix("abc", 5)).isEqualTo("abc");
    }

    @Test
    void longerTextIsCutToTheLengthWithAnEllipsis() {
        assertThat(StoredText.shortened("abcdefgh", 5)).isEqualTo("abcd\u2026");
    }

    @Test
    void aCutThatWouldSplitAnEmojiDropsItWhole_theTextStaysValidUnicode() {
        // The cut of 5 falls after "abc" and the emoji's first half.
        String cut = StoredText.shortened("abc" + GRINNING + "defgh", 5);

        assertThat(cut).isEqualTo("abc\u2026");
        assertThat(new String(cut.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .as("what the driver would store")
                .isEqualTo(cut);
        assertThat(StoredText.prefix("abc" + GRINNING, 4)).isEqualTo("abc");
        assertThat(StoredText.prefix("abc" + GRINNING, 5)).isEqualTo("abc" + GRINNING);
    }

    @Test
    void nulIsReplacedAndReported() {
        assertThat(StoredText.hasNul("a\u0000b")).isTrue();
        assertThat(StoredText.storable("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(StoredText.storable(null)).isNull();
    }
}
