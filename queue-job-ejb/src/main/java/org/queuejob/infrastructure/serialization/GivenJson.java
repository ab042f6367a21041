package org.queuejob.infrastructure.serialization;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.queuejob.domain.model.job.StoredText;

/**
 * JSON given by a person (an API request, the back office's form, a configuration property) compared as they mean it
 * (numbers by value, 1000 and 1e3 alike; objects whatever their fields' order), and shown in refusals. Here, below the
 * application, so that {@link GivenArguments} can be the one rule for arguments given as JSON, at deployment too (the
 * application's {@code JsonValues} passes its words on to the API's request reading).
 */
public final class GivenJson {

    private static final int SHOWN = 80;

    private static final Set<Class<?>> WHOLE = Set.of(
            byte.class,
            short.class,
            int.class,
            long.class,
            Byte.class,
            Short.class,
            Integer.class,
            Long.class,
            BigInteger.class);

    private static final Set<Class<?>> FRACTIONAL =
            Set.of(float.class, double.class, Float.class, Double.class, BigDecimal.class);

    private GivenJson() {}

    static boolean same(JsonValue a, JsonValue b) {
        if (a.getValueType() != b.getValueType()) {
            return false;
        }
        return switch (a.getValueType()) {
            case NUMBER -> ((JsonNumber) a).bigDecimalValue().compareTo(((JsonNumber) b).bigDecimalValue()) == 0;
            case ARRAY -> sameArray(a.asJsonArray(), b.asJsonArray());
            case OBJECT -> sameObject(a.asJsonObject(), b.asJsonObject());
            default -> a.equals(b);
        };
    }

    private static boolean sameArray(JsonArray a, JsonArray b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameObject(JsonObject a, JsonObject b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (String key : a.keySet()) {
            if (!same(a.get(key), b.get(key))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a parameter of {@code type} takes, when {@code value} is plainly of another JSON type (text for an
     * {@code int}, a number for a {@code String}); empty when the value may fit and JSON-B is to say.
     */
    static Optional<String> expectedInstead(Class<?> type, JsonValue value) {
        JsonValue.ValueType sent = value.getValueType();
        if (sent == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        String expected;
        boolean fits;
        if (WHOLE.contains(type) || FRACTIONAL.contains(type)) {
            expected = WHOLE.contains(type) ? "a whole number" : "a number";
            fits = sent == JsonValue.ValueType.NUMBER;
        } else if (type == boolean.class || type == Boolean.class) {
            expected = "true or false";
            fits = sent == JsonValue.ValueType.TRUE || sent == JsonValue.ValueType.FALSE;
        } else if (type == String.class
                || type == char.class
                || type == Character.class
                || type == UUID.class
                || type.isEnum()
                || Temporal.class.isAssignableFrom(type)) {
            expected = "text (a JSON string)";
            fits = sent == JsonValue.ValueType.STRING;
        } else if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            expected = "a JSON array";
            fits = sent == JsonValue.ValueType.ARRAY;
        } else if (Map.class.isAssignableFrom(type)) {
            expected = "a JSON object";
            fits = sent == JsonValue.ValueType.OBJECT;
        } else {
            return Optional.empty();
        }
        return fits ? Optional.empty() : Optional.of(expected);
    }

    /** What was sent, for a sentence: "the text \"four\"", "the number 7", "an array"... */
    public static String described(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "the text " + shown(value);
            case NUMBER -> "the number " + shown(value);
            case TRUE, FALSE, NULL -> value.toString();
            case ARRAY -> "an array";
            case OBJECT -> "an object";
        };
    }

    /** The value as JSON text for a sentence, shortened when long. */
    static String shown(JsonValue value) {
        return shortened(value.toString());
    }

    /** Text sent by a caller, for a sentence: at most a line's worth. */
    public static String shortened(String text) {
        return StoredText.shortened(text, SHOWN);
    }
}
