package org.queuejob.domain.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelTreeTest {

    private final ChannelTree tree = ChannelTree.of(ChannelConfig.parse("root:4, sub:2, sub.deep:1, other:3"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NULL", textBlock = """
            root.sub,                 root.sub
            sub,                      root.sub
            root.sub.deep,            root.sub.deep
            root.sub.not.configured,  root.sub
            sub.not.configured,       root.sub
            root.sub.deep.er,         root.sub.deep
            foo,                      root
            root.foo.bar,             root
            root,                     root
            NULL,                     root
            '  ',                     root
            root..x,                  root
            ' other ',                root.other
            """)
    void resolvesToTheNearestConfiguredChannel(String name, String expected) {
        assertThat(tree.resolve(name)).isEqualTo(expected);
    }

    @Test
    void unknownSubChannelResolvesWithoutDuplicatingThePathAsTheOriginalQ5() {
        ChannelTree onlySub = ChannelTree.of(ChannelConfig.parse("root:4, root.sub:2"));
        assertThat(onlySub.resolve("root.sub.not.configured")).isEqualTo("root.sub");
        assertThat(onlySub.specs()).extracting(ChannelSpec::fullName).containsExactly("root", "root.sub");
    }

    @ParameterizedTest(name = "{0} -> {1} under {2}")
    @CsvSource(textBlock = """
            root.sub.not.configured,  root.sub.not.configured,  root.sub
            sub.typo,                 root.sub.typo,            root.sub
            foo,                      root.foo,                 root
            root..x,                  root..x,                  root
            """)
    void aChannelNothingDeclaresIsUndeclared_underItsNearestDeclaredAncestor(
            String name, String completeName, String ancestor) {
        assertThat(tree.undeclared(name)).contains(new UndeclaredChannel(completeName, ancestor));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "NULL", textBlock = """
            root
            sub
            root.sub.deep
            ' other '
            NULL
            """)
    void aConfiguredChannelRootOrABlankNameIsDeclared(String name) {
        assertThat(tree.undeclared(name)).isEmpty();
    }

    @Test
    void aChannelImpliedBetweenRootAndAConfiguredOneIsDeclared() {
        ChannelTree implied = ChannelTree.of(ChannelConfig.parse("root:4, a.b:2"));
        assertThat(implied.undeclared("root.a")).isEmpty();
        assertThat(implied.undeclared("root.a.c")).contains(new UndeclaredChannel("root.a.c", "root.a"));
    }

    @Test
    void listsConfiguredChildren() {
        assertThat(tree.children("root")).containsExactly("root.other", "root.sub");
        assertThat(tree.children("sub")).containsExactly("root.sub.deep");
        assertThat(tree.children("root.sub.deep")).isEmpty();
        assertThatThrownBy(() -> tree.children("root.nope")).hasMessage("channel root.nope is not configured");
    }

    @Test
    void completesSpecsWithRootAndIntermediateChannels() {
        ChannelTree t = new ChannelTree(List.of(ChannelSpec.of("root.a.b", 2)));
        assertThat(t.specs())
                .containsExactly(
                        ChannelSpec.of("root", 1), ChannelSpec.unlimited("root.a"), ChannelSpec.of("root.a.b", 2));
        assertThat(t.isConfigured("a")).isTrue();
        assertThat(t.specFor("root.a.b.c")).isEqualTo(ChannelSpec.of("root.a.b", 2));
    }

    @Test
    void rejectsTheSameChannelTwice() {
        assertThatThrownBy(() -> new ChannelTree(List.of(ChannelSpec.of("root.a", 1), ChannelSpec.of("root.a", 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel root.a is configured twice");
    }

    @Test
    void dispatchIsDisabledByRootCapacityZero() {
        assertThat(ChannelTree.of(ChannelConfig.parse("root:0")).isDispatchDisabled())
                .isTrue();
        assertThat(tree.isDispatchDisabled()).isFalse();
    }

    @Test
    void specNormalisesCapacityZeroOfSubChannelToUnlimited() {
        assertThat(ChannelSpec.of("root.a", 0).isUnlimited()).isTrue();
        assertThat(ChannelSpec.of("root", 0).capacity()).hasValue(0);
    }

    @Test
    void specChecksItsArguments() {
        assertThatThrownBy(() -> new ChannelSpec(null, OptionalInt.empty(), false, 0, false))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("channel full name is required");
        assertThatThrownBy(() -> ChannelSpec.of("sub", 1))
                .hasMessage("channel name 'sub' is not a full name (root or root.*)");
        assertThatThrownBy(() -> ChannelSpec.of("root.a", -1)).hasMessage("capacity of root.a must not be negative");
        assertThatThrownBy(() -> ChannelSpec.unlimited("root"))
                .hasMessage("the root channel needs a finite capacity (0 disables dispatching)");
        assertThatThrownBy(() -> new ChannelSpec("root.s", OptionalInt.of(2), true, 0, false))
                .hasMessage("sequential channel root.s must have a capacity of 1");
        assertThatThrownBy(() -> new ChannelSpec("root.s", OptionalInt.of(2), false, -1, false))
                .hasMessage("throttle of root.s must not be negative");
    }

    @Test
    void specKnowsItsParent() {
        assertThat(ChannelSpec.of("root.a.b", 1).parentName()).contains("root.a");
        assertThat(ChannelSpec.of("root", 1).parentName()).isEmpty();
        assertThat(ChannelSpec.of("root.a", 1).withPaused(true).paused()).isTrue();
    }
}
