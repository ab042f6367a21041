package org.queuejob.web.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.queuejob.application.JsonValues;
import org.queuejob.domain.model.job.StoredText;

/**
 * Fills a {@link JsonRequest} from a JSON object, strictly: every field of the object must be one of the request's
 * public fields, and every value must be of the JSON type that field stands for, whole and in range. What does not fit
 * is refused with an {@link ApiException} (400) whose sentence names the field, what it takes and what was sent;
 * nothing is converted on the way (no text read as a number, no fraction or overflow cut off, no field dropped).
 * {@code null} leaves a field unset, as its absence does.
 */
final class JsonRequestBinder {

    /** What a request field takes, for the sentences: by the field's type. */
    private static final Map<Class<?>, String> EXPECTED = Map.of(
            String.class, "text (a JSON string)",
            Integer.class, "a whole number",
            Long.class, "a whole number",
            Boolean.class, "true or false",
            Instant.class, "an instant such as \"2026-12-05T14:30:00Z\"",
            UUID.class, "a job uuid such as \"01a243a3-498c-7148-8299-9ab489e7d3c1\"",
            JsonArray.class, "a JSON array",
            JsonObject.class, "a JSON object",
            JsonValue.class, "a JSON value");

    private JsonRequestBinder() {}

    /** The request of type {@code type} read from {@code json}, the whole body. */
    static <T extends JsonRequest> T bind(Class<T> type, JsonValue json) {
        if (json.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.badRequest(
                    "The body must be a JSON object ({...}), not " + JsonValues.described(json) + ".");
        }
        return bindObject(type, json.asJsonObject(), "");
    }

    /** The fields a request takes, in the order it declares them. */
    static List<Field> fields(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(field -> Modifier.isPublic(field.getModifiers()) && !Modifier.isStatic(field.getModifiers()))
                .toList();
    }

    private static <T> T bindObject(Class<T> type, JsonObject json, String path) {
        List<Field> fields = fields(type);
        Set<String> known = fields.stream().map(Field::getName).collect(Collectors.toSet());
        for (String name : json.keySet()) {
            if (!known.contains(name)) {
                String where = path.isEmpty() ? "The body" : path;
                throw ApiException.badRequest(String.format(
                        "%s has a field this operation does not take: '%s'. It takes %s.",
                        where,
                        JsonValues.shortened(name),
                        fields.stream().map(Field::getName).collect(Collectors.joining(", "))));
            }
        }
        T request = instantiate(type);
        for (Field field : fields) {
            JsonValue value = json.get(field.getName());
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            String at = path.isEmpty() ? field.getName() : path + "." + field.getName();
            set(field, request, read(field.getGenericType(), value, at));
        }
        return request;
    }

    private static Object read(Type type, JsonValue value, String at) {
        if (type instanceof ParameterizedType parameterized
                && parameterized.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            return readCollection(raw, parameterized.getActualTypeArguments()[0], value, at);
        }
        if (!(type instanceof Class<?> raw)) {
            throw new IllegalStateException("A request field of type " + type + " has no reading: " + at);
        }
        if (JsonRequest.class.isAssignableFrom(raw)) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw wrongType(at, "a JSON object", value);
            }
            return bindObject(raw, value.asJsonObject(), at);
        }
        return readScalar(raw, value, at);
    }

    private static Object readCollection(Class<?> raw, Type element, JsonValue value, String at) {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw wrongType(at, "a JSON array", value);
        }
        JsonArray array = value.asJsonArray();
        Collection<Object> values = Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            String itemAt = at + "[" + i + "]";
            if (item.getValueType() == JsonValue.ValueType.NULL) {
                throw ApiException.badRequest(itemAt + " cannot be null.");
            }
            values.add(read(element, item, itemAt));
        }
        return values;
    }

    private static Object readScalar(Class<?> type, JsonValue value, String at) {
        String expected = EXPECTED.get(type);
        if (expected == null) {
            throw new IllegalStateException("A request field of type " + type.getName() + " has no reading: " + at);
        }
        if (type == JsonValue.class) {
            return value;
        }
        if (type == JsonArray.class || type == JsonObject.class) {
            if (value.getValueType()
                    != (type == JsonArray.class ? JsonValue.ValueType.ARRAY : JsonValue.ValueType.OBJECT)) {
                throw wrongType(at, expected, value);
            }
            return value;
        }
        if (type == Boolean.class) {
            if (value.getValueType() == JsonValue.ValueType.TRUE) {
                return Boolean.TRUE;
            }
            if (value.getValueType() == JsonValue.ValueType.FALSE) {
                return Boolean.FALSE;
            }
            throw wrongType(at, expected, value);
        }
        if (type == Integer.class || type == Long.class) {
            if (!(value instanceof JsonNumber number)) {
                throw wrongType(at, expected, value);
            }
            return wholeNumber(type == Integer.class, number, at);
        }
        if (!(value instanceof JsonString string)) {
            throw wrongType(at, expected, value);
        }
        String text = string.getString();
        if (!StoredText.isStorable(text)) {
            // A JSON escape can carry half a character (backslash, u, D83D alone), which no form field or address can.
            throw ApiException.badRequest(StoredText.refusal(at, text));
        }
        if (type == String.class) {
            return text;
        }
        if (type == Instant.class) {
            try {
                return Instant.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw wrongType(at, expected, value);
            }
        }
        try {
            UUID uuid = UUID.fromString(text.strip());
            if (uuid.toString().equalsIgnoreCase(text.strip())) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // refused below, with the same sentence as a uuid in a shape UUID.fromString lets through
        }
        throw wrongType(at, expected, value);
    }

    private static Object wholeNumber(boolean asInt, JsonNumber number, String at) {
        BigDecimal exact = number.bigDecimalValue();
        long min = asInt ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long max = asInt ? Integer.MAX_VALUE : Long.MAX_VALUE;
        boolean whole = exact.signum() == 0 || exact.stripTrailingZeros().scale() <= 0;
        if (!whole) {
            throw ApiException.badRequest(
                    String.format("%s must be a whole number, not %s.", at, JsonValues.shortened(number.toString())));
        }
        if (exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw ApiException.badRequest(String.format(
                    "%s must be a whole number from %d to %d, not %s.",
                    at, min, max, JsonValues.shortened(number.toString())));
        }
        return asInt ? (Object) exact.intValueExact() : (Object) exact.longValueExact();
    }

    private static ApiException wrongType(String at, String expected, JsonValue value) {
        return ApiException.badRequest(
                String.format("%s must be %s, not %s.", at, expected, JsonValues.described(value)));
    }

    private static <T> T instantiate(Class<T> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("A request class needs a public no-argument constructor: " + type, e);
        }
    }

    private static void set(Field field, Object target, Object value) {
        try {
            field.set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("A request field must be public: " + field, e);
        }
    }
}
