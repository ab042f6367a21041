package org.queuejob.infrastructure.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.queuejob.api.JobArgumentException;

class GivenArgumentsTest {

    static class Inventory {
        public void count(int shelf, List<String> items) {}
    }

    private static final String COUNT = "app.Inventory.count";

    private final Jsonb jsonb = JsonbBuilder.create();
    private final Jsonb probe = JsonbBuilder.create(ArgumentCodec.probeConfig());
    private final ArgumentCodec codec =
            new ArgumentCodec(jsonb, probe, new ArgumentCodecTest.InMemoryEntities(), 2_000);

    @AfterEach
    void close() throws Exception {
        jsonb.close();
        probe.close();
    }

    @Test
    void argumentsOfTheParametersTypes_areReadAsThoseTypes() {
        assertThat(read("[3, [\"a\", \"b\"]]")).containsExactly(3, List.of("a", "b"));
    }

    @Test
    void eachWayOfNotFitting_isRefusedWithOneSentenceNamingTheSignature() {
        assertThatThrownBy(() -> read("{\"shelf\": 3}"))
                .isInstanceOf(JobArgumentException.class)
                .hasMessage("The arguments must be a JSON array, one value per parameter of " + COUNT
                        + "(int, List<String>).");
        assertThatThrownBy(() -> read("[3]")).hasMessage(COUNT + "(int, List<String>) takes 2 argument(s), 1 given.");
        assertThatThrownBy(() -> read(null)).hasMessage(COUNT + "(int, List<String>) takes 2 argument(s), 0 given.");
        assertThatThrownBy(() -> read("[\"three\", []]"))
                .hasMessage("Argument 1 of " + COUNT + "(int, List<String>) must be a whole number, not the text"
                        + " \"three\".");
        assertThatThrownBy(() -> read("[2.5, []]"))
                .hasMessage("Argument 1 of " + COUNT + "(int, List<String>) would be stored as 2, not as the 2.5"
                        + " given: send it as its parameter's type reads it.");
    }

    private Object[] read(String json) {
        return GivenArguments.read(codec, COUNT, method(), json);
    }

    private static Method method() {
        try {
            return Inventory.class.getMethod("count", int.class, List.class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
