package org.queuejob.domain.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunTextTest {

    @Test
    void aTextUpToTheLimitIsKeptAsItIs() {
        String result = "x".repeat(RunText.MAX_CHARS);

        assertThat(RunText.kept(result)).isSameAs(result);
        assertThat(RunText.kept(null)).isNull();
    }

    @Test
    void aLongerTextKeepsItsStartAndSaysHowMuchWasLeftOut() {
        String result = "x".repeat(RunText.MAX_CHARS + 12_345);

        String kept = RunText.kept(result);

        assertThat(kept).startsWith("x".repeat(RunText.MAX_CHARS) + System.lineSeparator() + "... (");
        assertThat(kept).endsWith("... (12,345 more characters left out)");
        assertThat(kept.length()).isLessThan(RunText.MAX_CHARS + 100);
    }

    @Test
    void theCutNeverSplitsACharacter_andWhatIsKeptIsStorable() {
        // An emoji whose second half would be the first character past the limit: it goes whole.
        String result = "a\u0000" + "x".repeat(RunText.MAX_CHARS - 3) + "\uD83D\uDE00" + "tail";

        String kept = RunText.kept(result);

        assertThat(StoredText.isStorable(kept)).isTrue();
        assertThat(kept).startsWith("a\uFFFDx");
        assertThat(kept).endsWith("... (6 more characters left out)");
    }
}
