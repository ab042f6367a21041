package org.queuejob.domain.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelConfigTest {

    private static ChannelSpec spec(String name, int capacity) {
        return ChannelSpec.of(name, capacity);
    }

    @Test
    void parsesRootCapacity() {
        assertThat(ChannelConfig.parse("root:4").channels()).containsExactly(spec("root", 4));
    }

    @Test
    void parsesRootAndSubChannel() {
        assertThat(ChannelConfig.parse("root:4,root.sub:2").channels())
                .containsExactly(spec("root", 4), spec("root.sub", 2));
    }

    @Test
    void rootPrefixIsOptional() {
        assertThat(ChannelConfig.parse("root:4,sub:2")).isEqualTo(ChannelConfig.parse("root:4,root.sub:2"));
    }

    @Test
    void missingCapacityMeansOne() {
        ChannelConfig config = ChannelConfig.parse("root, baz");
        assertThat(config.channels()).containsExactly(spec("root", 1), spec("root.baz", 1));
    }

    @Test
    void configWithoutRootGetsRootCapacityOneAsTheOriginal() {
        assertThat(ChannelConfig.parse("sub:2").root()).isEqualTo(spec("root", ChannelConfig.UNLISTED_ROOT_CAPACITY));
        assertThat(ChannelConfig.UNLISTED_ROOT_CAPACITY).isEqualTo(1);
    }

    @Test
    void intermediateChannelsAreCreatedUnlimited() {
        ChannelConfig config = ChannelConfig.parse("root:4,autosub.sub:2,seq:1:sequential");
        assertThat(config.channels())
                .containsExactly(
                        spec("root", 4),
                        ChannelSpec.unlimited("root.autosub"),
                        spec("root.autosub.sub", 2),
                        new ChannelSpec("root.seq", OptionalInt.of(1), true, 0, false));
    }

    @Test
    void explicitEntryForAnIntermediateChannelWinsWhateverItsPosition() {
        assertThat(ChannelConfig.parse("a.b:2, a:3").channel("a")).contains(spec("root.a", 3));
    }

    @Test
    void whitespaceAroundPartsIsTrimmed() {
        ChannelConfig config = ChannelConfig.parse("\n    root : 4,\n    ,\n    foo-bar:1: throttle = 3,\n");
        assertThat(config.channels())
                .containsExactly(spec("root", 4), new ChannelSpec("root.foo-bar", OptionalInt.of(1), false, 3, false));
    }

    @Test
    void newlinesSeparateEntriesLikeCommas() {
        ChannelConfig config = ChannelConfig.parse("\n    root : 4\r\n    foo_bar:1\n    baz\n");
        assertThat(config.channels()).containsExactly(spec("root", 4), spec("root.baz", 1), spec("root.foo_bar", 1));
    }

    @Test
    void emptyOptionsFromTrailingColonsAreIgnored() {
        assertThat(ChannelConfig.parse("root:4:").root()).isEqualTo(spec("root", 4));
    }

    @Test
    void parsesThrottleSeconds() {
        assertThat(ChannelConfig.parse("root:4,A:4:throttle=2")
                        .channel("A")
                        .orElseThrow()
                        .throttleSeconds())
                .isEqualTo(2);
        assertThat(ChannelConfig.parse("A:4:throttle=0")
                        .channel("A")
                        .orElseThrow()
                        .throttleSeconds())
                .isZero();
    }

    @Test
    void bareSequentialMeansTrue() {
        ChannelSpec s =
                ChannelConfig.parse("root:4,S:1:sequential").channel("S").orElseThrow();
        assertThat(s.sequential()).isTrue();
        assertThat(s.capacity()).hasValue(1);
    }

    @ParameterizedTest
    @CsvSource({"sequential=true,true", "sequential=TRUE,true", "sequential = false,false", "sequential=False,false"})
    void sequentialAcceptsTrueAndFalse(String option, boolean expected) {
        assertThat(ChannelConfig.parse("S:1:" + option)
                        .channel("S")
                        .orElseThrow()
                        .sequential())
                .isEqualTo(expected);
    }

    @Test
    void sequentialFalseAllowsAnyCapacity() {
        assertThat(ChannelConfig.parse("S:3:sequential=false").channel("S")).contains(spec("root.S", 3));
    }

    @Test
    void capacityZeroOnSubChannelMeansUnlimited() {
        assertThat(ChannelConfig.parse("root:4,sub:0").channel("sub")).contains(ChannelSpec.unlimited("root.sub"));
    }

    @Test
    void rootCapacityZeroDisablesDispatch() {
        assertThat(ChannelConfig.parse("root:0, sub:2").isDispatchDisabled()).isTrue();
        assertThat(ChannelConfig.parse(" root : 0 ").isDispatchDisabled()).isTrue();
        assertThat(ChannelConfig.parse("root:3").isDispatchDisabled()).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", " , ,\n", "\n\n"})
    void noConfigurationMeansTheDefault(String text) {
        assertThat(ChannelConfig.parse(text)).isEqualTo(ChannelConfig.defaultConfig());
        assertThat(ChannelConfig.parse(text).channels()).containsExactly(spec("root", 2));
        assertThat(ChannelConfig.DEFAULT).isEqualTo("root:2");
    }

    @Test
    void channelLookupAcceptsShortAndFullNames() {
        ChannelConfig config = ChannelConfig.parse("root:4,sub:2");
        assertThat(config.channel("sub")).isEqualTo(config.channel("root.sub")).contains(spec("root.sub", 2));
        assertThat(config.channel("other")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            root:4, sub:x                   | sub:x                   | capacity 'x' is not an integer
            root:4.5                        | root:4.5                | capacity '4.5' is not an integer
            sub:                            | sub:                    | capacity '' is not an integer
            sub:99999999999                 | sub:99999999999         | capacity '99999999999' is not an integer
            root:4, sub:-1                  | sub:-1                  | capacity -1 is negative
            root:4,root.sub:2:sequential    | root.sub:2:sequential   | a sequential channel must have a capacity of 1, not 2
            root:4,sub:0:sequential         | sub:0:sequential        | a sequential channel must have a capacity of 1, not 0
            root:4,sub:2:a=b=c              | sub:2:a=b=c             | option 'a=b=c' has more than one '='
            sub:1:sequential:sequential     | sub:1:sequential:sequential | duplicate option 'sequential'
            sub:1:throttle=1:throttle=2     | sub:1:throttle=1:throttle=2 | duplicate option 'throttle'
            root:4, :2                      | :2                      | missing channel name
            root:4, sub:2, root.sub:3       | root.sub:3              | channel root.sub is already configured by 'sub:2'
            root:4, root:2                  | root:2                  | channel root is already configured by 'root:4'
            sub:1:sequental                 | sub:1:sequental         | unknown option 'sequental' (known options: sequential, throttle)
            root:4,root.sub:2:sequential:k=v | root.sub:2:sequential:k=v | unknown option 'k' (known options: sequential, throttle)
            sub:1:sequential=0              | sub:1:sequential=0      | sequential must be true or false, not '0'
            sub:1:sequential=yes            | sub:1:sequential=yes    | sequential must be true or false, not 'yes'
            sub:2:throttle                  | sub:2:throttle          | throttle needs a number of seconds, e.g. throttle=2
            sub:2:throttle=-1               | sub:2:throttle=-1       | throttle '-1' is not a whole number of seconds from 0 to 86,400 (a day)
            sub:2:throttle=1.5              | sub:2:throttle=1.5      | throttle '1.5' is not a whole number of seconds from 0 to 86,400 (a day)
            sub:2:throttle=86401            | sub:2:throttle=86401    | throttle '86401' is not a whole number of seconds from 0 to 86,400 (a day)
            root:100001                     | root:100001             | capacity 100,001 is more than 100,000, the most a channel takes
            sub:2:=5                        | sub:2:=5                | option '=5' has no name
            a..b:1                          | a..b:1                  | channel name 'root.a..b' has an empty segment
            root.:1                         | root.:1                 | channel name 'root.' has an empty segment
            foo bar:1                       | foo bar:1               | channel name 'root.foo bar' is not a channel name: use letters, digits, '_' and '-', with a dot between levels (e.g. root.mail)
            root.<b>:1                      | root.<b>:1              | channel name 'root.<b>' is not a channel name: use letters, digits, '_' and '-', with a dot between levels (e.g. root.mail)
            """)
    void rejectsBadEntryQuotingItAndSayingWhy(String text, String entry, String reason) {
        assertThatThrownBy(() -> ChannelConfig.parse(text))
                .isInstanceOf(InvalidChannelConfigException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid channel config entry '" + entry + "': " + reason)
                .satisfies(e ->
                        assertThat(((InvalidChannelConfigException) e).entry()).isEqualTo(entry));
    }

    @Test
    void channelsAreImmutable() {
        assertThatThrownBy(() -> ChannelConfig.parse("root:4").channels().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
