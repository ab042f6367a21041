package org.queuejob.domain.model.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelatedActionSpecTest {

    @Test
    void readsTheOriginalsThreeKeys() {
        RelatedActionSpec spec = RelatedActionSpec.parse(
                "{\"enable\": false, \"func_name\": \"openOrder\", \"kwargs\": {\"limit\": 10}}", "Orders.ship");

        assertThat(spec.enabled()).isFalse();
        assertThat(spec.funcName()).isEqualTo("openOrder");
        assertThat(spec.kwargs().getInt("limit")).isEqualTo(10);
    }

    @Test
    void isEnabledWithoutKwargsWhenOnlyTheFunctionIsNamed() {
        RelatedActionSpec spec = RelatedActionSpec.parse("{\"func_name\": \"openOrder\"}", "Orders.ship");

        assertThat(spec.enabled()).isTrue();
        assertThat(spec.kwargs()).isEmpty();
    }

    @Test
    void theDefaultOfAnAnnotationParsesBack() {
        assertThat(RelatedActionSpec.parse(RelatedActionSpec.forBean("openOrder"), "Orders.ship")
                        .funcName())
                .isEqualTo("openOrder");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[]",
                "{}",
                "{\"func_name\": \"\"}",
                "{\"func_name\": 3}",
                "{\"func_name\": \"a\", \"kwargs\": [1]}",
                "{\"func_name\": \"a\", \"enable\": \"yes\"}",
                "{\"func_name\": \"a\", \"method\": \"b\"}"
            })
    void refusesAnythingElseWithTheOriginalsMessage(String text) {
        assertThatThrownBy(() -> RelatedActionSpec.parse(text, "Orders.ship"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "Unexpected format of Related Action for Orders.ship.\n" + "Example of valid format:\n");
    }
}
