package org.queuejob.infrastructure.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GivenJsonTest {

    @Test
    void numbersAreTheSameByValue_textAndNumberNever() {
        assertThat(GivenJson.same(json("1000"), json("1e3"))).isTrue();
        assertThat(GivenJson.same(json("[1.50, {\"a\": 2}]"), json("[1.5, {\"a\": 2.0}]")))
                .isTrue();
        assertThat(GivenJson.same(json("{\"a\": 1, \"b\": 2}"), json("{\"b\": 2, \"a\": 1}")))
                .isTrue();

        assertThat(GivenJson.same(json("7"), json("\"7\""))).isFalse();
        assertThat(GivenJson.same(json("2.5"), json("2"))).isFalse();
        assertThat(GivenJson.same(json("{\"a\": 1, \"typo\": 2}"), json("{\"a\": 1}")))
                .isFalse();
        assertThat(GivenJson.same(json("[1, 2]"), json("[1]"))).isFalse();
    }

    @Test
    void aValuePlainlyOfAnotherJsonType_saysWhatTheParameterTakes() {
        assertThat(GivenJson.expectedInstead(int.class, json("\"four\""))).hasValue("a whole number");
        assertThat(GivenJson.expectedInstead(double.class, json("true"))).hasValue("a number");
        assertThat(GivenJson.expectedInstead(String.class, json("7"))).hasValue("text (a JSON string)");
        assertThat(GivenJson.expectedInstead(Instant.class, json("7"))).hasValue("text (a JSON string)");
        assertThat(GivenJson.expectedInstead(Boolean.class, json("\"yes\""))).hasValue("true or false");
        assertThat(GivenJson.expectedInstead(List.class, json("{}"))).hasValue("a JSON array");
        assertThat(GivenJson.expectedInstead(Map.class, json("[]"))).hasValue("a JSON object");

        assertThat(GivenJson.expectedInstead(int.class, json("2.5")))
                .as("JSON-B and the stored JSON say")
                .isEmpty();
        assertThat(GivenJson.expectedInstead(Object.class, json("7"))).isEmpty();
        assertThat(GivenJson.expectedInstead(String.class, JsonValue.NULL)).isEmpty();
        assertThat(GivenJson.described(json("\"four\""))).isEqualTo("the text \"four\"");
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
