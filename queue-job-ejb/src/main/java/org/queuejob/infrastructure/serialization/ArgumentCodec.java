package org.queuejob.infrastructure.serialization;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.queuejob.api.JobArgumentException;
import org.queuejob.domain.model.job.StoredText;

/**
 * Stores a job's arguments as one JSON array, each element written by JSON-B as the value it is and read back for
 * the parameter's declared (generic) type. JPA entities become {@code {"@entity": type, "id": id}} and are reloaded
 * at run time.
 *
 * <p>Nothing is stored that the job would not get back: every value that is not of a known-safe type declared as
 * itself is read back at enqueue time for the parameter's declared type, as the worker will read it. The job must
 * receive the type that was passed, whatever the declared type ({@code Object} included), in the argument and in
 * every map, list, set, array, record component and bean property inside it (see {@link ReadBack}), and its JSON must
 * survive the round trip (written, read back, written again, compared, ignoring the order of set and map items). A
 * class JSON-B would silently write as {@code {}} (a stream, a thread, a class with no readable state), a value that
 * would come back as another type (a record passed as {@code Object} comes back as a map), a JPA entity anywhere but
 * as a parameter of its type, a number the {@code jsonb} column would change (-0.0, {@code 1E+3}) or refuse, a
 * collection sorted by a comparator or a priority queue (JSON keeps neither order), a {@code YearMonth} before the
 * year 1 (JSON-B writes another year), and a cycle fail here, at the call, naming the parameter, instead of failing
 * hours later in the worker.
 *
 * <p>A JSON null is Java's null, except for a parameter declared {@code Optional} (and its int, long and double
 * kinds) or {@code JsonValue}: JSON-B writes an empty one as null, so there it is the empty one, and a Java null
 * passed for such a parameter is refused.
 */
public class ArgumentCodec {

    static final String ENTITY_TYPE = "@entity";
    static final String ENTITY_ID = "id";

    /** How much of a stored value a sentence about it shows. */
    static final int SHOWN_CHARS = 64;

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
            UUID.class,
            // The java.time types JSON-B (Yasson) has a serializer and a deserializer for. Others (Year, the
            // Japanese, Hijrah, Minguo and Thai Buddhist dates) it writes as beans it cannot read back: they take the
            // round trip, which refuses them. A YearMonth before the year 1 and an Instant beyond a LocalDateTime's
            // years do not come back either: ReadBack.timeProblem refuses them without a round trip.
            Instant.class,
            LocalDate.class,
            LocalDateTime.class,
            LocalTime.class,
            OffsetDateTime.class,
            OffsetTime.class,
            ZonedDateTime.class,
            YearMonth.class);

    /**
     * Parameter types whose value JSON-B writes as {@code null} when empty, and for which a JSON null therefore
     * stands for that empty value, not for Java's null.
     */
    private static final Map<Class<?>, Object> EMPTY_FOR_NULL = Map.of(
            Optional.class, Optional.empty(),
            OptionalInt.class, OptionalInt.empty(),
            OptionalLong.class, OptionalLong.empty(),
            OptionalDouble.class, OptionalDouble.empty(),
            JsonValue.class, JsonValue.NULL);

    private static final Map<Class<?>, Class<?>> WRAPPERS = Map.of(
            boolean.class, Boolean.class,
            char.class, Character.class,
            byte.class, Byte.class,
            short.class, Short.class,
            int.class, Integer.class,
            long.class, Long.class,
            float.class, Float.class,
            double.class, Double.class);

    /** Looked up once: {@code Json.createReader} runs a ServiceLoader look-up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final Jsonb jsonb;
    private final ReadBack readBack;
    private final EntityReferences entities;
    private final int maxBytes;

    /**
     * @param jsonb the JSON-B instance that writes and reads arguments
     * @param probe a JSON-B instance configured to write null values, used to see which classes JSON-B knows
     *     properties of (see {@link #probeConfig()})
     */
    public ArgumentCodec(Jsonb jsonb, Jsonb probe, EntityReferences entities, int maxBytes) {
        this.jsonb = Objects.requireNonNull(jsonb, "A JSON-B instance is required.");
        this.entities = Objects.requireNonNull(entities, "Entity references are required.");
        this.readBack = new ReadBack(Objects.requireNonNull(probe, "A probing JSON-B instance is required."), entities);
        this.maxBytes = maxBytes;
    }

    /** The configuration of the probing JSON-B instance the constructor takes. */
    public static JsonbConfig probeConfig() {
        return new JsonbConfig().withNullValues(true);
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

    /**
     * The stored JSON text {@code json} of a call of {@code method} in a form equal arguments share (object keys and
     * set values sorted), for identity keys: see {@link CanonicalArguments}.
     */
    public String canonical(Method method, String json) {
        return CanonicalArguments.of(json, method.getGenericParameterTypes());
    }

    /**
     * The argument values for {@code method} from the stored JSON text. Arguments that no longer fit the method (it
     * was changed since the job was stored: another parameter count, a value its parameter's type cannot read, a null
     * or too large an integer for a primitive) and text that is not a JSON array (a row edited by hand) throw an
     * {@link IllegalStateException} with a sentence saying so; JSON-B's own exception is its cause, for the log, and
     * never in the message, which the job's failure shows.
     */
    public Object[] decode(Method method, String json) {
        Type[] types = method.getGenericParameterTypes();
        Class<?>[] rawTypes = method.getParameterTypes();
        JsonArray array = storedArray(method, json);
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
                if (rawTypes[i].isPrimitive()) {
                    // Stored while the parameter took null (a Long become long since): the job must not run with 0.
                    throw new IllegalStateException(String.format(
                            "Stored argument %d of %s is null, which a parameter of type %s cannot hold",
                            i + 1, describe(method), rawTypes[i].getSimpleName()));
                }
                values[i] = nullAs(rawTypes[i]);
            } else if (entities.isEntity(rawTypes[i])) {
                values[i] = decodeEntity(method, i, rawTypes[i], value);
            } else {
                // Outside read(): an integer its parameter cannot hold is refused with a sentence of its own.
                Object plain = plainValue(method, i, rawTypes[i], value);
                values[i] = plain != null ? plain : read(method, i, types[i], value);
            }
        }
        return values;
    }

    /** The stored JSON array; a sentence when the text is not one. */
    private static JsonArray storedArray(Method method, String json) {
        JsonValue stored;
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            stored = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            // JSON-P's parser, in its own words: never the case for a jsonb column, but text may come from elsewhere.
            throw new IllegalStateException(
                    String.format(
                            "Stored arguments of %s cannot be read: they are %s. They must be a JSON array, one "
                                    + "value per parameter: cancel the job, or enqueue it anew.",
                            signature(method), json.isBlank() ? "empty" : "not JSON (" + shown(json) + ")"),
                    e);
        }
        if (stored.getValueType() != JsonValue.ValueType.ARRAY) {
            // A row edited by hand: requeueing it would fail the same way.
            throw new IllegalStateException(String.format(
                    "Stored arguments of %s cannot be read: they are %s, not a JSON array with one value per "
                            + "parameter. Were they edited by hand? Cancel the job, or enqueue it anew.",
                    signature(method), described(stored)));
        }
        return stored.asJsonArray();
    }

    /** The value JSON-B reads from {@code value} for a parameter of type {@code type}; a sentence when it cannot. */
    private Object read(Method method, int index, Type type, JsonValue value) {
        try {
            return jsonb.fromJson(value.toString(), type);
        } catch (RuntimeException e) {
            // JsonbException, and whatever its implementation lets through (a NumberFormatException, a
            // DateTimeParseException, a ClassCastException): all say the value does not fit the type.
            throw unreadable(method, index, type, value, e);
        }
    }

    /**
     * The sentence for a stored value its parameter's type cannot read: most likely the parameter was changed while
     * the job waited (a redeploy).
     */
    private static UnreadableArgumentException unreadable(
            Method method, int index, Type type, JsonValue value, Throwable cause) {
        String typeName = simpleName(type);
        String expected = article(typeName) + " " + typeName;
        String found = described(value);
        return new UnreadableArgumentException(
                String.format(
                        "Stored argument %d of %s cannot be read as %s: it is %s. Was the parameter changed since "
                                + "the job was stored? Requeue the job once a deployment takes it as stored again, or "
                                + "cancel it.",
                        index + 1, signature(method), expected, found),
                index + 1,
                expected,
                found,
                cause);
    }

    /**
     * The value of a string, an integer number or a boolean parameter read straight from its parsed JSON, as JSON-B
     * would read it; null for anything else, which JSON-B then reads. Most jobs take ids and names: writing the parsed
     * value out again and parsing it a second time in JSON-B was a tenth of a no-op job's own CPU in the worker.
     * An integer too large for its parameter is refused, where JSON-B would wrap it around.
     */
    private static Object plainValue(Method method, int index, Class<?> type, JsonValue value) {
        JsonValue.ValueType kind = value.getValueType();
        if (type == String.class && kind == JsonValue.ValueType.STRING) {
            return ((JsonString) value).getString();
        }
        boolean isLong = type == Long.class || type == long.class;
        boolean isInt = type == Integer.class || type == int.class;
        // Written by JSON-B, an integer is plain digits (scale 0); any other form ("1e3", "1.0") is left to it.
        if ((isLong || isInt)
                && kind == JsonValue.ValueType.NUMBER
                && ((JsonNumber) value).bigDecimalValue().scale() == 0) {
            JsonNumber number = (JsonNumber) value;
            try {
                return isLong ? (Object) number.longValueExact() : (Object) number.intValueExact();
            } catch (ArithmeticException outOfRange) {
                // JSON-B would wrap it around into another number: the job must not run with that.
                throw new IllegalStateException(String.format(
                        "Stored argument %d of %s is %s, which a parameter of type %s cannot hold",
                        index + 1, describe(method), number, type.getSimpleName()));
            }
        }
        if ((type == Boolean.class || type == boolean.class)
                && (kind == JsonValue.ValueType.TRUE || kind == JsonValue.ValueType.FALSE)) {
            return kind == JsonValue.ValueType.TRUE;
        }
        return null;
    }

    /**
     * What a JSON null reads back as for a parameter of type {@code type}: the empty value of an {@code Optional}
     * (JSON-B writes an empty one as null) and {@link JsonValue#NULL} for a {@code JsonValue}; else null.
     */
    private static Object nullAs(Class<?> type) {
        return EMPTY_FOR_NULL.get(type);
    }

    private String encodeOne(Method method, Parameter parameter, int index, Type type, Object value) {
        if (value == null) {
            Object empty = nullAs(rawType(type));
            if (empty != null) {
                throw new JobArgumentException(String.format(
                        "Argument %s of job %s cannot be stored: it is null, and a null %s is stored as %s is, so the"
                                + " job would get %s. Pass %s.",
                        nameOf(parameter, index),
                        describe(method),
                        rawType(type).getSimpleName(),
                        emptyName(empty),
                        emptyName(empty),
                        emptyName(empty)));
            }
            return "null";
        }
        Class<?> valueType = value.getClass();
        if (entities.isEntity(valueType)) {
            if (!entities.isEntity(rawType(type))) {
                throw cannotStore(
                        method,
                        parameter,
                        index,
                        value,
                        "a JPA entity is stored as a reference (type and id) only for a parameter declared as an entity"
                                + " type, and this one is declared " + type.getTypeName() + ". Declare it as "
                                + valueType.getSimpleName() + ", or pass the entity's id.",
                        null);
            }
            return encodeEntity(method, parameter, index, value);
        }
        String json;
        try {
            // Written as what it is, read back as what the parameter declares: written for a declared Object, JSON-B
            // (Yasson) writes {} whatever the value, and for a declared supertype it would drop a subclass's fields
            // unnoticed; written as itself, what does not come back shows in the round trip.
            json = jsonb.toJson(value);
            if (!isSafe(ReadBack.typeOf(value)) || boxed(rawType(type)) != ReadBack.typeOf(value)) {
                requireRoundTrip(method, parameter, index, type, value, json);
            } else if (value instanceof Double
                    || value instanceof Float
                    || value instanceof BigDecimal
                    || value instanceof BigInteger) {
                String problem = ReadBack.numberProblem(value);
                if (problem != null) {
                    throw cannotStore(method, parameter, index, value, problem, null);
                }
            } else if (value instanceof YearMonth || value instanceof Instant) {
                String problem = ReadBack.timeProblem(value);
                if (problem != null) {
                    throw cannotStore(method, parameter, index, value, problem, null);
                }
            }
        } catch (StackOverflowError e) {
            // JSON-B guards beans against cycles, but not lists, maps or records: it (or a hashCode) recurses to the
            // end of the stack. An Error must not reach the caller for an argument that simply cannot be stored.
            throw cannotStore(
                    method,
                    parameter,
                    index,
                    value,
                    "it refers to itself (a cycle: a list, map or record that contains itself), or nests too "
                            + "deeply: JSON-B ran out of stack on it. JSON cannot hold a cycle: pass data without "
                            + "the cycle, or an id.",
                    null);
        } catch (JobArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw cannotStore(method, parameter, index, value, "JSON-B cannot write it: " + e.getMessage(), e);
        }
        int unstorable = unstorableIn(json);
        if (unstorable == StoredText.NUL) {
            throw cannotStore(
                    method,
                    parameter,
                    index,
                    value,
                    "it contains the character U+0000 (NUL), which PostgreSQL cannot store in JSON. Remove it, or"
                            + " pass binary data as Base64 text.",
                    null);
        }
        if (unstorable >= 0) {
            throw cannotStore(
                    method,
                    parameter,
                    index,
                    value,
                    "it contains " + StoredText.halfCharacter((char) unstorable) + ", which would be stored as \"?\"."
                            + " Remove it, or cut the text between whole characters.",
                    null);
        }
        return json;
    }

    /**
     * The first character of JSON text that PostgreSQL cannot store as it is, raw or as a six-character escape
     * (backslash, u, four hex digits): a NUL, or half of a character (a surrogate without its other half, in the same
     * form); -1 if there is none. A backslash in the data is itself escaped as two, so only an escape that starts a
     * backslash sequence counts.
     */
    static int unstorableIn(String json) {
        int length = json.length();
        for (int i = 0; i < length; i++) {
            char c = json.charAt(i);
            if (c == '\\') {
                int unit = escapedUnit(json, i);
                if (unit < 0) {
                    i++; // past the character the backslash escapes
                    continue;
                }
                if (unit == StoredText.NUL || Character.isLowSurrogate((char) unit)) {
                    return unit;
                }
                if (Character.isHighSurrogate((char) unit)) {
                    int next = escapedUnit(json, i + 6);
                    if (next < 0 || !Character.isLowSurrogate((char) next)) {
                        return unit;
                    }
                    i += 6; // past the other half's escape
                }
                i += 5; // past this escape
            } else if (c == StoredText.NUL || Character.isLowSurrogate(c)) {
                return c;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= length || !Character.isLowSurrogate(json.charAt(i + 1))) {
                    return c;
                }
                i++;
            }
        }
        return -1;
    }

    /** The UTF-16 unit of the escape backslash-u-XXXX at {@code at}, or -1 if no such escape starts there. */
    private static int escapedUnit(String json, int at) {
        if (at + 5 >= json.length() || json.charAt(at) != '\\' || json.charAt(at + 1) != 'u') {
            return -1;
        }
        int unit = 0;
        for (int k = at + 2; k < at + 6; k++) {
            int digit = Character.digit(json.charAt(k), 16);
            if (digit < 0) {
                return -1;
            }
            unit = unit * 16 + digit;
        }
        return unit;
    }

    private void requireRoundTrip(Method method, Parameter parameter, int index, Type type, Object value, String json) {
        Object back;
        String again;
        try {
            back = jsonb.fromJson(json, type);
            if (back == null && "null".equals(json)) {
                back = nullAs(rawType(type)); // as the worker reads it (an empty Optional, JsonValue.NULL)
            }
            again = back == null ? "null" : jsonb.toJson(back);
        } catch (RuntimeException e) {
            // A value that is refused anyway (an entity inside, state JSON-B cannot see) says so more precisely.
            Optional<ReadBack.Found> itself = readBack.difference(value, value);
            if (itself.isPresent()) {
                throw cannotStore(method, parameter, index, value, itself.get().sentence(), e);
            }
            // JSON-B implementations throw more than JsonbException here (class cast, missing constructor, ...)
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
        readBack.difference(value, back).ifPresent(difference -> {
            throw cannotStore(
                    method,
                    parameter,
                    index,
                    value,
                    difference.typeChanged()
                            ? difference.sentence() + " (the parameter is declared " + type.getTypeName() + "). Pass "
                                    + "data JSON-B reads back as itself (a record, a string, a number of the declared "
                                    + "type, an id), or declare the type you pass."
                            : difference.sentence(),
                    null);
        });
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

    /**
     * The entity a stored reference ({@code {"@entity": type, "id": id}}) names, loaded; a sentence when the value is
     * no such reference (the parameter was not an entity when the job was stored) or its id does not fit the entity's
     * id type. What loading it throws (the database away, the row gone) is left as it is: it says what happened.
     */
    private Object decodeEntity(Method method, int index, Class<?> declared, JsonValue value) {
        JsonObject reference = value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        JsonValue typeName = reference == null ? null : reference.get(ENTITY_TYPE);
        JsonValue storedId = reference == null ? null : reference.get(ENTITY_ID);
        if (!(typeName instanceof JsonString) || storedId == null) {
            throw unreadable(method, index, declared, value, null);
        }
        Class<?> type = entityType(declared, ((JsonString) typeName).getString());
        Class<?> idType = entities.idType(type);
        Object id;
        try {
            id = jsonb.fromJson(storedId.toString(), idType);
        } catch (RuntimeException e) {
            throw unreadable(method, index, declared, value, e);
        }
        return entities.load(type, id);
    }

    /** The entity class {@code typeName} names, if it still is {@code declared} or one of its subclasses. */
    private static Class<?> entityType(Class<?> declared, String typeName) {
        if (declared.getName().equals(typeName)) {
            return declared;
        }
        // A subclass entity was passed: load that type, but only if it still is one of the declared type.
        try {
            return Class.forName(typeName, false, declared.getClassLoader()).asSubclass(declared);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException(
                    "Stored entity type " + typeName + " is not a " + declared.getName() + " any more.", e);
        }
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
        return SAFE_TYPES.contains(type) || type.isEnum();
    }

    /** The class a declared parameter type stands for; {@code Object} for type variables and wildcards. */
    static Class<?> rawType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return rawType(parameterized.getRawType());
        }
        if (type instanceof GenericArrayType array) {
            return Array.newInstance(rawType(array.getGenericComponentType()), 0)
                    .getClass();
        }
        return Object.class;
    }

    private static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? WRAPPERS.get(type) : type;
    }

    private static JobArgumentException cannotStore(
            Method method, Parameter parameter, int index, Object value, String reason, Throwable cause) {
        String message = String.format(
                "Argument %s of job %s (a %s) cannot be stored: %s",
                nameOf(parameter, index), describe(method), value.getClass().getName(), reason);
        return new JobArgumentException(message, cause);
    }

    private static String nameOf(Parameter parameter, int index) {
        return parameter.isNamePresent() ? "'" + parameter.getName() + "'" : "#" + (index + 1);
    }

    private static String emptyName(Object empty) {
        return empty instanceof JsonValue ? "JsonValue.NULL" : empty.getClass().getSimpleName() + ".empty()";
    }

    static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    /** "Mail.send(String, List<Integer>)": the method as its source declares it, as a user knows it. */
    static String signature(Method method) {
        return describe(method)
                + Arrays.stream(method.getGenericParameterTypes())
                        .map(ArgumentCodec::simpleName)
                        .collect(Collectors.joining(", ", "(", ")"));
    }

    /** A type as its source names it: simple class names, type arguments included ("Map<String, Order>"). */
    static String simpleName(Type type) {
        if (type instanceof Class<?> c) {
            return c.isArray() ? simpleName(c.getComponentType()) + "[]" : c.getSimpleName();
        }
        if (type instanceof ParameterizedType parameterized) {
            return simpleName(parameterized.getRawType())
                    + Arrays.stream(parameterized.getActualTypeArguments())
                            .map(ArgumentCodec::simpleName)
                            .collect(Collectors.joining(", ", "<", ">"));
        }
        if (type instanceof GenericArrayType array) {
            return simpleName(array.getGenericComponentType()) + "[]";
        }
        if (type instanceof WildcardType wildcard) {
            if (wildcard.getLowerBounds().length > 0) {
                return "? super " + simpleName(wildcard.getLowerBounds()[0]);
            }
            Type[] upper = wildcard.getUpperBounds();
            return upper.length == 0 || upper[0] == Object.class ? "?" : "? extends " + simpleName(upper[0]);
        }
        return type.getTypeName(); // a type variable: its name
    }

    /** "an" before a type name that starts with a vowel sound ("an int", "an Order"), else "a". */
    private static String article(String name) {
        return !name.isEmpty() && "aeioAEIO".indexOf(name.charAt(0)) >= 0 ? "an" : "a";
    }

    /**
     * A stored value as a sentence shows it, {@link #SHOWN_CHARS} characters at most: "the text "abc"", "the
     * number 12", "true", "the object {"id":1}", "the list [1,2]", "null".
     */
    private static String described(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> {
                String text = ((JsonString) value).getString();
                String start = StoredText.prefix(text, SHOWN_CHARS);
                // Written as JSON writes it, so that quotes and line breaks in it show as what they are.
                yield start.length() < text.length()
                        ? "the text " + JSON.createValue(start) + "\u2026 (" + text.length() + " characters)"
                        : "the text " + value;
            }
            case NUMBER -> "the number " + shown(value.toString());
            case OBJECT -> "the object " + shown(value.toString());
            case ARRAY -> "the list " + shown(value.toString());
            default -> value.toString(); // true, false, null
        };
    }

    /** The first {@link #SHOWN_CHARS} characters of {@code text}, and an ellipsis if there are more. */
    private static String shown(String text) {
        return StoredText.shortened(text, SHOWN_CHARS + 1);
    }

    private static String abbreviate(String json) {
        return json.length() <= 120 ? json : StoredText.prefix(json, 117) + "...";
    }
}
