package org.queuejob.domain.model.function;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Objects;
import java.util.Set;

/**
 * A job function's related action in the original's format (F29), as JSON: {@code {"enable": true, "func_name":
 * "openOrder", "kwargs": {"limit": 10}}}. {@code func_name} names a {@code @Named} bean implementing {@link
 * org.queuejob.api.RelatedAction}; {@code kwargs} are handed to it. Only these three keys are allowed.
 */
public record RelatedActionSpec(boolean enabled, String funcName, JsonObject kwargs) {

    /** The original's message, with its example made valid JSON (the original's lacks a colon after "kwargs"). */
    static final String INVALID = "Unexpected format of Related Action for %s.\nExample of valid format:\n"
            + "{\"enable\": true, \"func_name\": \"related_action_foo\", \"kwargs\": {\"limit\": 10}}";

    private static final Set<String> KEYS = Set.of("enable", "func_name", "kwargs");

    /** Looked up once: the provider lookup walks the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public RelatedActionSpec {
        Objects.requireNonNull(kwargs, "Related action kwargs are required (empty for none).");
    }

    /** The default a {@code @Job(relatedAction = "bean")} gives. */
    public static String forBean(String beanName) {
        return JSON.createObjectBuilder()
                .add("enable", true)
                .add("func_name", beanName)
                .add("kwargs", JsonValue.EMPTY_JSON_OBJECT)
                .build()
                .toString();
    }

    /**
     * Parses the text of a related action; {@code owner} names the job function in the error.
     *
     * @throws IllegalArgumentException with the original's message when the text is not a valid related action
     */
    public static RelatedActionSpec parse(String text, String owner) {
        JsonObject object;
        try (var reader = JSON.createReader(new StringReader(text))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw invalid(owner, e);
        }
        if (!KEYS.containsAll(object.keySet())) {
            throw invalid(owner, null);
        }
        JsonValue enable = object.getOrDefault("enable", JsonValue.TRUE);
        JsonValue funcName = object.get("func_name");
        JsonValue kwargs = object.getOrDefault("kwargs", JsonValue.EMPTY_JSON_OBJECT);
        if (!(enable == JsonValue.TRUE || enable == JsonValue.FALSE)
                || funcName == null
                || funcName.getValueType() != JsonValue.ValueType.STRING
                || kwargs.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid(owner, null);
        }
        String name = object.getString("func_name").strip();
        if (name.isEmpty()) {
            throw invalid(owner, null);
        }
        return new RelatedActionSpec(enable == JsonValue.TRUE, name, kwargs.asJsonObject());
    }

    private static IllegalArgumentException invalid(String owner, Exception cause) {
        return new IllegalArgumentException(String.format(INVALID, owner), cause);
    }
}
