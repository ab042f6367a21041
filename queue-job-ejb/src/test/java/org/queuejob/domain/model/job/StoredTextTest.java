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

    @Test
    void halfACharacter_aloneAtTheEndOrBeforeAnother_isNotStorable_andIsFoundWhereItIs() {
        assertThat(StoredText.unstorableAt("ab\uD83D")).isEqualTo(2);
        assertThat(StoredText.unstorableAt("ab\uDE00" + GRINNING)).isEqualTo(2);
        assertThat(StoredText.unstorableAt(GRINNING + "\uD83Dx")).isEqualTo(2);
        assertThat(StoredText.unstorableAt("\uD83D\uD83D\uDE00"))
                .as("two first halves, then one second")
                .isZero();
        assertThat(StoredText.isStorable("smile " + GRINNING + GRINNING)).isTrue();
        assertThat(StoredText.isStorable(null)).isTrue();
        assertThat(StoredText.isStorable("a\u0000")).isFalse();
    }

    @Test
    void halvesAreReplacedInRecords_wholeCharactersKept_soThatTheDriverStoresWhatIsShown() {
        String kept = StoredText.storable("a\uD83D" + GRINNING + "\uDE00\u0000");

        assertThat(kept).isEqualTo("a\uFFFD" + GRINNING + "\uFFFD\uFFFD");
        assertThat(new String(kept.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .as("what the driver would store")
                .isEqualTo(kept);
    }

    @Test
    void theRefusalNamesTheCharacterThatCannotBeStored() {
        assertThat(StoredText.refusal("A job description", "x\u0000"))
                .isEqualTo("A job description cannot contain the character U+0000 (NUL): PostgreSQL cannot store it in"
                        + " text.");
        assertThat(StoredText.refusal("An identity key", "order-7\uD83D"))
                .isEqualTo("An identity key cannot contain half of a character (the UTF-16 surrogate U+D83D without"
                        + " its other half): it would be stored as \"?\".");
    }
}
