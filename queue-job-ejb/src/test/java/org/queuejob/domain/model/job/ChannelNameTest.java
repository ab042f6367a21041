package org.queuejob.domain.model.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelNameTest {

    @Test
    void shortAndCompleteNamesMeanTheSameChannel() {
        assertThat(ChannelName.normalize("mail")).isEqualTo("root.mail");
        assertThat(ChannelName.normalize(" root.mail.eu-west_2 ")).isEqualTo("root.mail.eu-west_2");
        assertThat(ChannelName.normalize("root")).isEqualTo("root");
        assertThat(ChannelName.normalize("")).isEqualTo("root");
        assertThat(ChannelName.normalize("Überweisung")).isEqualTo("root.Überweisung");
    }

    @ParameterizedTest
    @ValueSource(strings = {"root:3", "<script>alert(1)</script>", "mail eu", "root.mail/eu", "a;b", "root.'x'"})
    void namesOutsideTheGrammar_areRefusedWithTheRule_notCompletedIntoAnotherName(String name) {
        assertThatThrownBy(() -> ChannelName.normalize(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Channel name '" + name + "' is not a channel name: use letters, digits, '_' and '-',"
                        + " with a dot between levels (e.g. root.mail).");
    }

    @Test
    void emptyLevelsAndOverlongNamesAreRefused() {
        assertThatThrownBy(() -> ChannelName.normalize("root..mail")).hasMessageContaining("empty segment");
        assertThatThrownBy(() -> ChannelName.normalize("mail.")).hasMessageContaining("empty segment");
        String longest = "root." + "a".repeat(ChannelName.MAX_LENGTH - 5);
        assertThat(ChannelName.normalize(longest)).hasSize(ChannelName.MAX_LENGTH);
        assertThatThrownBy(() -> ChannelName.normalize("a".repeat(5000)))
                .hasMessageStartingWith("Channel name '" + "a".repeat(60) + "…' is longer than 255 characters (5005)");
    }

    @Test
    void thePatternForFormsAcceptsWhatNormalizeAccepts() {
        assertThat("root.mail").matches(ChannelName.PATTERN);
        assertThat("mail").matches(ChannelName.PATTERN);
        assertThat("root:3").doesNotMatch(ChannelName.PATTERN);
        assertThat("root..bad").doesNotMatch(ChannelName.PATTERN);
        assertThat("<b>").doesNotMatch(ChannelName.PATTERN);
    }
}
