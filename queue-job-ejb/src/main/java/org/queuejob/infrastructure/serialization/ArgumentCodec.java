package org.queuejob.infrastructure.serialization;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.queuejob.api.JobArgumentException;

/**
 * Stores a job's arguments as one JSON array, each element written by JSON-B against the parameter's declared
 * (generic) type. JPA entities become {@code {"@entity": type, "id": id}} and are reloaded at run time.
 *
 * <p>Nothing is stored that cannot be read back: every value that is not of a known-safe type goes through a
 * round trip at enqueue time (write, read back, write again, compare, ignoring the order of set and map items). A class JSON-B would silently write as
 * {@code {}} (a stream, a lambda, a class with no readable state) fails here, at the call, naming the parameter,
 * instead of failing hours later in the worker.
 */
public class ArgumentCodec {

    static final String ENTITY_TYPE = "@entity";
    static final String ENTITY_ID = "id";

    private static final Set<Class<?>> SAFE_TYPES = Set.of(
            String.class,
            Boolean.class,
            Character.class,
            Byte.class,
            Short.class,
            Integer.class,
            Long.class,
            Float.class,
            Double.class,
            BigDecimal.class,
            BigInteger.class,
            UUID.class);

    /** Looked up once: {@code Json.createReader} runs a ServiceLoader look-up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final Jsonb jsonb;
    private final EntityReferences entities;
    private final int maxBytes;

    public ArgumentCodec(Jsonb jsonb, EntityReferences entities, int maxBytes) {
        this.jsonb = Objects.requireNonNull(jsonb, "A JSON-B instance is required.");
        this.entities = Objects.requireNonNull(entities, "Entity references are required.");
        this.maxBytes = maxBytes;
    }

    /** The JSON text of {@code args} for a call of {@code method}; throws {@link JobArgumentException}. */
    public String encode(Method method, Object[] args) {
        Parameter[] parameters = method.getParameters();
        Type[] types = method.getGenericParameterTypes();
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < parameters.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(encodeOne(method, parameters[i], i, types[i], args[i]));
        }
        String encoded = json.append(']').toString();
        int size = encoded.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxBytes) {
            throw new JobArgumentException(String.format(
                    "The arguments of %s take %,d bytes as JSON, over the limit of %,d (queue-job.max-arguments-bytes). "
                            + "Store large data elsewhere and pass its id.",
                    describe(method), size, maxBytes));
        }
        return encoded;
    }

    /** The argument values for {@code method} from the stored JSON text. */
    public Object[] decode(Method method, String json) {
        Type[] types = method.getGenericParameterTypes();
        Class<?>[] rawTypes = method.getParameterTypes();
        JsonArray array;
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            array = reader.readArray();
        }
        if (array.size() != types.length) {
            throw new IllegalStateException(String.format(
                    "Stored arguments of %s have %d values but the method now takes %d parameters: was it changed "
                            + "since the job was stored?",
                    describe(method), array.size(), types.length));
        }
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            JsonValue value = array.get(i);
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                values[i] = rawTypes[i].isPrimitive() ? jsonb.fromJson("0", rawTypes[i]) : null;
            } else if (entities.isEntity(rawTypes[i])) {
                values[i] = decodeEntity(rawTypes[i], value.asJsonObject());
            } else {
                values[i] = jsonb.fromJson(value.toString(), types[i]);
            }
        }
        return values;
    }

    private String encodeOne(Method method, Parameter parameter, int index, Type type, Object value) {
        if (value == null) {
            return "null";
        }
        Class<?> valueType = value.getClass();
        if (entities.isEntity(valueType)) {
            return encodeEntity(method, parameter, index, value);
        }
        String json;
        try {
            json = jsonb.toJson(value, type);
        } catch (JsonbException | IllegalArgumentException e) {
            throw cannotStore(method, parameter, index, value, "JSON-B cannot write it: " + e.getMessage(), e);
        }
        if (!isSafe(valueType)) {
            requireRoundTrip(method, parameter, index, type, value, json);
        }
        return json;
    }

    private void requireRoundTrip(Method method, Parameter parameter, int index, Type type, Object value, String json) {
        String again;
        try {
            again = jsonb.toJson(jsonb.fromJson(json, type), type);
        } catch (JsonbException | IllegalArgumentException | UnsupportedOperationException e) {
            throw cannotStore(
                    method,
                    parameter,
                    index,
                    value,
                    "it is written as " + abbreviate(json) + " but cannot be read "
                            + "back (" + e.getMessage() + "). Use a record, a class with a no-argument constructor "
                            + "and getters/setters, or pass an id.",
                    e);
        }
        if (!canonical(parse(again)).equals(canonical(parse(json)))) {
            throw cannotStore(
                    method,
                    parameter,
                    index,
                    value,
                    "it does not survive a JSON round trip (written " + abbreviate(json) + ", read back as "
                            + abbreviate(again) + ").",
                    null);
        }
    }

    private String encodeEntity(Method method, Parameter parameter, int index, Object entity) {
        Object id;
        try {
            id = entities.idOf(entity);
        } catch (RuntimeException e) {
            throw cannotStore(method, parameter, index, entity, "its id cannot be read: " + e.getMessage(), e);
        }
        if (id == null) {
            throw cannotStore(
                    method,
                    parameter,
                    index,
                    entity,
                    "the entity has no id yet: persist and flush it " + "before enqueueing a job that refers to it.",
                    null);
        }
        return JSON.createObjectBuilder()
                .add(ENTITY_TYPE, entity.getClass().getName())
                .add(
                        ENTITY_ID,
                        JSON.createReader(new StringReader(jsonb.toJson(id))).readValue())
                .build()
                .toString();
    }

    private Object decodeEntity(Class<?> declared, JsonObject reference) {
        String typeName = reference.getString(ENTITY_TYPE);
        Class<?> type = declared;
        if (!declared.getName().equals(typeName)) {
            // A subclass entity was passed: load that type, but only if it still is one of the declared type.
            try {
                type = Class.forName(typeName, false, declared.getClassLoader()).asSubclass(declared);
            } catch (ClassNotFoundException | ClassCastException e) {
                throw new IllegalStateException(
                        "Stored entity type " + typeName + " is not a " + declared.getName() + " any more.", e);
            }
        }
        Object id = jsonb.fromJson(reference.get(ENTITY_ID).toString(), entities.idType(type));
        return entities.load(type, id);
    }

    /**
     * The value with object keys and array elements in a fixed order: sets and maps may iterate differently once
     * read back, which is not a loss. (JSON-B never reorders lists, so a real loss still shows.)
     */
    static String canonical(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT ->
                value.asJsonObject().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(entry -> JSON.createValue(entry.getKey()) + ":" + canonical(entry.getValue()))
                        .collect(Collectors.joining(",", "{", "}"));
            case ARRAY ->
                value.asJsonArray().stream()
                        .map(ArgumentCodec::canonical)
                        .sorted()
                        .collect(Collectors.joining(",", "[", "]"));
            default -> value.toString();
        };
    }

    private static JsonValue parse(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    private static boolean isSafe(Class<?> type) {
        return SAFE_TYPES.contains(type) || type.isEnum() || Temporal.class.isAssignableFrom(type);
    }

    private static JobArgumentException cannotStore(
            Method method, Parameter parameter, int index, Object value, String reason, Throwable cause) {
        String name = parameter.isNamePresent() ? "'" + parameter.getName() + "'" : "#" + (index + 1);
        String message = String.format(
                "Argument %s of job %s (a %s) cannot be stored: %s",
                name, describe(method), value.getClass().getName(), reason);
        return new JobArgumentException(message, cause);
    }

    static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    private static String abbreviate(String json) {
        return json.length() <= 120 ? json : json.substring(0, 117) + "...";
    }
}
