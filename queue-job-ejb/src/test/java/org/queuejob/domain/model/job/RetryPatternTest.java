package org.queuejob.domain.model.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

class RetryPatternTest {

    /** Picks the lower bound, so ranges are checkable without randomness. */
    private static final IntBinaryOperator LOWEST = (min, max) -> min;

    private static final IntBinaryOperator HIGHEST = (min, max) -> max;

    @Test
    void delayIsTheValueOfTheGreatestKeyNotAboveTheTryCount() {
        RetryPattern pattern = RetryPattern.parse("{1: 60, 2: 180, 3: 10, 5: 300}", "f");

        assertThat(pattern.delayAfter(1, LOWEST)).isEqualTo(Duration.ofSeconds(60));
        assertThat(pattern.delayAfter(2, LOWEST)).isEqualTo(Duration.ofSeconds(180));
        assertThat(pattern.delayAfter(3, LOWEST)).isEqualTo(Duration.ofSeconds(10));
        assertThat(pattern.delayAfter(4, LOWEST)).isEqualTo(Duration.ofSeconds(10));
        assertThat(pattern.delayAfter(5, LOWEST)).isEqualTo(Duration.ofSeconds(300));
        assertThat(pattern.delayAfter(50, LOWEST)).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void triesBeforeTheFirstKeyWaitTheDefaultTenMinutes() {
        RetryPattern pattern = RetryPattern.parse("{3: 180}", "f");

        assertThat(pattern.delayAfter(1, LOWEST)).isEqualTo(Duration.ofMinutes(10));
        assertThat(pattern.delayAfter(2, LOWEST)).isEqualTo(Duration.ofMinutes(10));
        assertThat(pattern.delayAfter(3, LOWEST)).isEqualTo(Duration.ofSeconds(180));
    }

    @Test
    void rangesPickBetweenTheirInclusiveBounds() {
        RetryPattern pattern = RetryPattern.parse("{1: (10, 20), 5: [100, 300]}", "f");

        assertThat(pattern.delayAfter(1, LOWEST)).isEqualTo(Duration.ofSeconds(10));
        assertThat(pattern.delayAfter(1, HIGHEST)).isEqualTo(Duration.ofSeconds(20));
        assertThat(pattern.delayAfter(7, HIGHEST)).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void emptyTextMeansNoPattern() {
        assertThat(RetryPattern.parse("", "f").isNone()).isTrue();
        assertThat(RetryPattern.parse(" {} ", "f").isNone()).isTrue();
        assertThat(RetryPattern.NONE.delayAfter(3, LOWEST)).isEqualTo(RetryPattern.DEFAULT_DELAY);
    }

    @Test
    void malformedPatternsGetTheOriginalsMessage() {
        for (String bad : new String[] {
            "{1: a, 2: 20}",
            "{a: 10, 2: 20}",
            "{1: (1, 2, 3), 2: 20}",
            "1: 10",
            "{1: 10, 1: 20}",
            "{1: (20, 10)}",
            // Numbers beyond what a whole number of seconds or a try count can be: refused the same way, never a
            // NumberFormatException's "For input string".
            "{1: 99999999999999999999}",
            "{99999999999: 10}",
            "{1: (1, 99999999999)}",
            "{1: 2147483648}"
        }) {
            assertThatThrownBy(() -> RetryPattern.parse(bad, "Mailer.send"))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Unexpected format of Retry Pattern for Mailer.send.\nExample of valid formats:\n"
                            + "{1: 300, 5: 600, 10: 1200, 15: 3000}\n"
                            + "{1: (1, 10), 5: (11, 20), 10: (21, 30), 15: (100, 300)}");
        }
    }
}
