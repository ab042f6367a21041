package org.queuejob.infrastructure.serialization;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.stream.Collectors;

/**
 * Compares a job argument with what the job will receive: the value JSON-B reads back from the argument's JSON for
 * the parameter's declared type. Whatever the declared type ({@code Object} included), the argument, and every value
 * inside its maps, lists, sets, arrays, records and beans (their components, and their properties: public getters and
 * public fields), must come back as the type that was passed (any {@code Map} for a map, any {@code List} for a list,
 * any {@code Set} for a set), and must not be a class whose state JSON-B cannot see (a thread, a stream: written as
 * {@code {}}), nor a JPA entity (stored as a reference only for a parameter declared as its type), nor a number
 * PostgreSQL's {@code jsonb} would change or refuse ({@link #numberProblem}), nor a collection or map whose order JSON
 * cannot keep (a comparator, a priority queue: {@link #orderLost}), nor a {@code java.time} value JSON-B writes as
 * another or cannot read back ({@link #timeProblem}).
 *
 * <p>Cheap on the enqueue path: it walks only the argument's structure, and whether JSON-B sees a class's state, and
 * which properties it has, is found once per class.
 */
final class ReadBack {

    /**
     * Deeper than this, a value is refused: no job argument nests so deep, and a structure that does is most likely
     * a chain of links the walk (and the worker's stack) should not follow.
     */
    static final int MAX_DEPTH = 500;

    /** PostgreSQL's numeric, behind {@code jsonb}: at most 131,072 digits before the decimal point. */
    static final int NUMERIC_MAX_INTEGER_DIGITS = 131_072;

    /** PostgreSQL's numeric, behind {@code jsonb}: at most 16,383 digits after the decimal point. */
    static final int NUMERIC_MAX_SCALE = 16_383;

    /** A BigInteger of at most this many bits has at most 131,072 decimal digits (2^435,411 < 10^131,072). */
    private static final int NUMERIC_SAFE_BITS = 435_411;

    /** The first and last instants JSON-B reads back: those of a LocalDateTime at UTC. */
    private static final Instant FIRST_INSTANT = LocalDateTime.MIN.toInstant(ZoneOffset.UTC);

    private static final Instant LAST_INSTANT = LocalDateTime.MAX.toInstant(ZoneOffset.UTC);

    /** Writes null properties too: a class JSON-B knows properties of never writes as {@code {}}. */
    private final Jsonb probe;

    private final EntityReferences entities;

    /** Classes whose state JSON-B sees (or that have none to lose); the others are refused, so never cached. */
    private final Set<Class<?>> visible = ConcurrentHashMap.newKeySet();

    /** The properties compared of each record and bean class (empty for classes not looked into). */
    private final Map<Class<?>, List<Property>> properties = new ConcurrentHashMap<>();

    /** What the walk found: the sentence, and whether it is a value coming back as another type. */
    record Found(String sentence, boolean typeChanged) {}

    /** A component of a record or a property of a bean, and how to read it: its accessor, getter or public field. */
    private record Property(String name, AccessibleObject reader, boolean component) {

        Object read(Object target) throws ReflectiveOperationException {
            return reader instanceof Field field ? field.get(target) : ((Method) reader).invoke(target);
        }
    }

    ReadBack(Jsonb probe, EntityReferences entities) {
        this.probe = probe;
        this.entities = entities;
    }

    /** Empty when {@code back} is what the job may receive for {@code sent}; else what changes. */
    Optional<Found> difference(Object sent, Object back) {
        return Optional.ofNullable(differenceAt("", sent, back, 0));
    }

    /**
     * A sentence saying what {@code jsonb} would change in, or refuse of, a number passed as a parameter's own
     * type (checked without a round trip); null when it is stored exactly.
     */
    static String numberProblem(Object number) {
        return numberProblem("", number);
    }

    /**
     * A sentence saying what JSON-B would change in, or could not read back of, a {@code java.time} value passed as
     * a parameter's own type (checked without a round trip); null when it is stored exactly.
     */
    static String timeProblem(Object value) {
        return timeProblem("", value);
    }

    private Found differenceAt(String where, Object sent, Object back, int depth) {
        if (sent == null) {
            return null; // a null that comes back as something else changes the JSON: the round trip says so
        }
        if (depth > MAX_DEPTH) {
            return new Found(
                    subject(where, sent) + " lies more than " + MAX_DEPTH + " levels deep, deeper than an argument "
                            + "is checked",
                    false);
        }
        if (back == null) {
            return new Found(subject(where, sent) + " comes back as null", false);
        }
        if (sent instanceof JsonValue json) {
            // JSON itself: any implementation of the same JSON reads back equal, which the round trip checks.
            return back instanceof JsonValue
                    ? found(jsonNumberProblem(where, json, depth))
                    : changed(where, sent, back);
        }
        if (sent instanceof Map || sent instanceof Collection) {
            Found order = orderLost(where, sent, back);
            if (order != null) {
                return order;
            }
        }
        if (sent instanceof Map<?, ?> map) {
            return back instanceof Map<?, ?> backMap
                    ? mapDifference(where, map, backMap, depth)
                    : changed(where, sent, back);
        }
        if (sent instanceof Collection<?> collection) {
            return collectionDifference(where, collection, back, depth);
        }
        if (sent.getClass().isArray()) {
            return arrayDifference(where, sent, back, depth);
        }
        if (sent instanceof Optional<?> optional) {
            return back instanceof Optional<?> backOptional
                    ? differenceAt(where, optional.orElse(null), backOptional.orElse(null), depth + 1)
                    : changed(where, sent, back);
        }
        if (!(sent instanceof Number) && !isLeaf(sent) && entities.isEntity(sent.getClass())) {
            return new Found(entityInside(where, sent), false); // whatever it comes back as
        }
        if (typeOf(sent) != typeOf(back)) {
            return changed(where, sent, back);
        }
        if (sent instanceof Number) {
            return found(numberProblem(where, sent));
        }
        if (isLeaf(sent)) {
            String problem = timeProblem(where, sent);
            if (problem == null && isTime(sent) && !sent.equals(back)) {
                problem = subject(where, sent) + " is " + sent + ", which would reach the job as " + back;
            }
            return found(problem);
        }
        if (!stateVisible(sent)) {
            return new Found(
                    subject(where, sent) + " has state JSON-B cannot see: it would be stored as {} and come back "
                            + "empty",
                    false);
        }
        return propertiesDifference(where, sent, back, depth);
    }

    /** Records' components and beans' properties, compared as values of their own. */
    private Found propertiesDifference(String where, Object sent, Object back, int depth) {
        for (Property property : propertiesOf(sent.getClass())) {
            Object sentValue;
            Object backValue;
            try {
                sentValue = property.read(sent);
                backValue = property.read(back);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue; // JSON-B reads it as it can; the JSON round trip still compares what it wrote
            }
            String at = where.isEmpty()
                    ? (property.component() ? "component " : "property ") + property.name()
                    : where + "." + property.name();
            Found difference = differenceAt(at, sentValue, backValue, depth + 1);
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }

    /**
     * A collection or map whose order JSON cannot keep: JSON holds no comparator, so a sorted set or map with one
     * comes back sorted naturally, or not at all (another order, another {@code contains} or {@code get}), and a
     * priority queue comes back holding its values in its heap's order, polled in another order, unless it is in
     * natural order and read back as a priority queue of its class. Null when the order survives; {@code back} is
     * null when what comes back is not known (a priority queue is then refused).
     */
    private static Found orderLost(String where, Object sent, Object back) {
        if (sent instanceof SortedSet<?> sorted && sorted.comparator() != null) {
            return new Found(
                    subject(where, sent) + " is a " + sent.getClass().getName() + " sorted by a comparator, which JSON "
                            + "cannot store: the job would get a set sorted naturally or not at all, in another order "
                            + "and with another contains(). Pass a List in the order wanted, and build the set with "
                            + "its comparator in the job.",
                    false);
        }
        if (sent instanceof SortedMap<?, ?> sorted && sorted.comparator() != null) {
            return new Found(
                    subject(where, sent) + " is a " + sent.getClass().getName() + " sorted by a comparator, which JSON "
                            + "cannot store: the job would get a map sorted naturally or not at all, in another order "
                            + "and with another get(). Pass a List of its entries (records of key and value) in the "
                            + "order wanted, and build the map with its comparator in the job.",
                    false);
        }
        if (sent instanceof PriorityQueue<?> || sent instanceof PriorityBlockingQueue<?>) {
            Comparator<?> ordering = comparatorOf(sent);
            if (ordering != null) {
                return new Found(
                        subject(where, sent) + " is a " + sent.getClass().getName() + " ordered by a comparator, "
                                + "which JSON cannot store: the job would poll it in another order. Pass a List in "
                                + "the order wanted.",
                        false);
            }
            if (back == null || back.getClass() != sent.getClass() || comparatorOf(back) != null) {
                return new Found(
                        subject(where, sent) + " is a " + sent.getClass().getName() + ", which would reach the job as "
                                + (back == null
                                        ? "another queue"
                                        : "a " + back.getClass().getName())
                                + " holding its values in the order of its heap, not polled by priority. Pass a List "
                                + "in the order wanted, or declare it as a "
                                + sent.getClass().getSimpleName() + ".",
                        false);
            }
        }
        return null;
    }

    /** The comparator of a priority queue, null for natural order. */
    private static Comparator<?> comparatorOf(Object queue) {
        return queue instanceof PriorityQueue<?> priority
                ? priority.comparator()
                : ((PriorityBlockingQueue<?>) queue).comparator();
    }

    private Found mapDifference(String where, Map<?, ?> sent, Map<?, ?> back, int depth) {
        for (Map.Entry<?, ?> entry : sent.entrySet()) {
            Object key = entry.getKey();
            String at = where + "[" + quoted(key) + "]";
            if (!back.containsKey(key)) {
                if (entry.getValue() == null) {
                    continue; // an absent key reads as null too
                }
                String map = where.isEmpty() ? "the map" : where;
                return new Found(
                        key == null
                                ? "the null key of " + map + " is lost"
                                : "the key " + quoted(key) + " (a "
                                        + key.getClass().getName() + ") of " + map + " comes back as another type",
                        true);
            }
            Found difference = differenceAt(at, entry.getValue(), back.get(key), depth + 1);
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }

    private Found collectionDifference(String where, Collection<?> sent, Object back, int depth) {
        boolean sameKind = sent instanceof Set
                ? back instanceof Set
                : sent instanceof List
                        ? back instanceof List
                        : back instanceof Collection && (!(sent instanceof Queue) || back instanceof Queue);
        if (!sameKind) {
            return changed(where, sent, back);
        }
        Collection<?> backCollection = (Collection<?>) back;
        if (sent instanceof Set) {
            return setDifference(where, sent, backCollection, depth);
        }
        Iterator<?> backValues = backCollection.iterator();
        int index = 0;
        for (Object value : sent) {
            if (!backValues.hasNext()) {
                return new Found("values of " + (where.isEmpty() ? "the collection" : where) + " are lost", false);
            }
            Found difference = differenceAt(where + "[" + index++ + "]", value, backValues.next(), depth + 1);
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }

    /**
     * Sets come back in another order: compare which types they hold, then each value with the value read back that
     * JSON-B writes the same (so a record's components are compared too).
     */
    private Found setDifference(String where, Collection<?> sent, Collection<?> back, int depth) {
        String set = where.isEmpty() ? "the set" : where;
        Set<Class<?>> sentTypes = sent.stream()
                .filter(value -> value != null)
                .map(ReadBack::kindOf)
                .collect(Collectors.toSet());
        Set<Class<?>> backTypes = back.stream()
                .filter(value -> value != null)
                .map(ReadBack::kindOf)
                .collect(Collectors.toSet());
        if (!sentTypes.equals(backTypes)) {
            return new Found(
                    "the values of " + set + " (" + names(sentTypes) + ") come back as " + names(backTypes), true);
        }
        Map<String, Object> backByJson = null;
        for (Object value : sent) {
            if (value == null) {
                continue;
            }
            if (value instanceof Number) {
                String problem = numberProblem("a value of " + set, value);
                if (problem != null) {
                    return new Found(problem, false);
                }
                continue;
            }
            if (isLeaf(value)) {
                String problem = timeProblem("a value of " + set, value);
                if (problem != null) {
                    return new Found(problem, false);
                }
                continue;
            }
            if (!isContainer(value) && entities.isEntity(value.getClass())) {
                return new Found(entityInside("a value of " + set, value), false);
            }
            if (!isContainer(value) && !stateVisible(value)) {
                return new Found(
                        "a value of " + set + " (a " + value.getClass().getName() + ") has state JSON-B cannot see: "
                                + "it would be stored as {}",
                        false);
            }
            if (backByJson == null) {
                backByJson = new HashMap<>();
                for (Object backValue : back) {
                    if (backValue != null) {
                        backByJson.put(probe.toJson(backValue), backValue);
                    }
                }
            }
            Object backValue = backByJson.get(probe.toJson(value));
            Found difference = backValue != null
                    ? differenceAt(where + "[" + shortText(value) + "]", value, backValue, depth + 1)
                    : orderLost("a value of " + set, value, null);
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }

    private Found arrayDifference(String where, Object sent, Object back, int depth) {
        if (sent.getClass() != back.getClass()) {
            return changed(where, sent, back);
        }
        Class<?> component = sent.getClass().getComponentType();
        if (component == double.class || component == float.class) {
            int length = Array.getLength(sent);
            for (int i = 0; i < length; i++) {
                String problem = numberProblem(where + "[" + i + "]", Array.get(sent, i));
                if (problem != null) {
                    return new Found(problem, false);
                }
            }
            return null;
        }
        if (component.isPrimitive()) {
            return null;
        }
        int length = Math.min(Array.getLength(sent), Array.getLength(back));
        for (int i = 0; i < length; i++) {
            Found difference = differenceAt(where + "[" + i + "]", Array.get(sent, i), Array.get(back, i), depth + 1);
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }

    /**
     * The numbers of a JSON value that {@code jsonb} would change: its numbers are PostgreSQL numerics, and a
     * {@link JsonNumber}'s equality is its {@code BigDecimal}'s, scale included.
     */
    private static String jsonNumberProblem(String where, JsonValue json, int depth) {
        if (depth > MAX_DEPTH) {
            return its(where) + " lies more than " + MAX_DEPTH + " levels deep, deeper than an argument is checked";
        }
        switch (json.getValueType()) {
            case NUMBER -> {
                JsonNumber number = (JsonNumber) json;
                if (number.toString().startsWith("-")
                        && number.bigDecimalValue().signum() == 0) {
                    return numberProblem(where, -0.0d);
                }
                return numberProblem(where, number.bigDecimalValue());
            }
            case OBJECT -> {
                for (Map.Entry<String, JsonValue> entry : json.asJsonObject().entrySet()) {
                    String problem =
                            jsonNumberProblem(where + "['" + entry.getKey() + "']", entry.getValue(), depth + 1);
                    if (problem != null) {
                        return problem;
                    }
                }
                return null;
            }
            case ARRAY -> {
                List<JsonValue> values = json.asJsonArray();
                for (int i = 0; i < values.size(); i++) {
                    String problem = jsonNumberProblem(where + "[" + i + "]", values.get(i), depth + 1);
                    if (problem != null) {
                        return problem;
                    }
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * What PostgreSQL's {@code jsonb} column would do to a number JSON-B writes as it is: a negative zero comes back
     * as 0, a {@code BigDecimal} of negative scale ({@code 1E+3}) as the same value of scale 0 ({@code 1000}, not
     * equal to it in Java), and a number beyond its numeric type fails the caller's commit.
     */
    private static String numberProblem(String where, Object number) {
        String it = its(where);
        if (number instanceof Double d) {
            return d == 0 && 1 / d < 0 ? negativeZero(it) : null;
        }
        if (number instanceof Float f) {
            return f == 0 && 1 / f < 0 ? negativeZero(it) : null;
        }
        if (number instanceof BigDecimal decimal) {
            if (decimal.scale() < 0) {
                BigDecimal plain = decimal.precision() - decimal.scale() <= 40 ? decimal.setScale(0) : null;
                return it + " is the BigDecimal " + decimal + " (scale " + decimal.scale() + "), which PostgreSQL's "
                        + "jsonb has no form for: it would come back as "
                        + (plain == null ? "a number of scale 0" : plain.toPlainString())
                        + ", not equal to it in Java. Pass it with setScale(0)"
                        + (decimal.precision() - decimal.scale() > NUMERIC_MAX_INTEGER_DIGITS
                                ? " (it would then still have too many digits for PostgreSQL)"
                                : "")
                        + ".";
            }
            if (decimal.scale() > NUMERIC_MAX_SCALE) {
                return outOfRange(it, decimal.scale() + " digits after the decimal point");
            }
            if (decimal.precision() - decimal.scale() > NUMERIC_MAX_INTEGER_DIGITS) {
                return outOfRange(it, (decimal.precision() - decimal.scale()) + " digits before the decimal point");
            }
            return null;
        }
        if (number instanceof BigInteger integer && integer.bitLength() > NUMERIC_SAFE_BITS) {
            int digits = new BigDecimal(integer).precision();
            return digits > NUMERIC_MAX_INTEGER_DIGITS ? outOfRange(it, digits + " digits") : null;
        }
        return null;
    }

    /**
     * What JSON-B (Yasson) would do to a {@code java.time} value: it writes a {@code YearMonth} with the pattern
     * {@code yyyy-MM}, whose year is of the era, so a year before 1 comes back as another (0 as 1, -5 as 6); and it
     * writes an {@code Instant} beyond the years of a {@code LocalDateTime} (Instant.MAX) that it cannot read back,
     * which would fail the job. Other years (0, negative, over 9999) of the types it reads back come back equal.
     */
    private static String timeProblem(String where, Object value) {
        if (value instanceof YearMonth month && month.getYear() < 1) {
            return its(where) + " is " + month + ", before the year 1, which JSON-B writes as a year of its era "
                    + "(pattern yyyy-MM): the job would get " + YearMonth.of(1 - month.getYear(), month.getMonth())
                    + ". Pass a LocalDate, or the text of toString().";
        }
        if (value instanceof Instant instant && (instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT))) {
            return its(where) + " is " + instant + ", beyond the years JSON-B reads back (" + FIRST_INSTANT + " to "
                    + LAST_INSTANT + "): the job could not read it. Pass an instant within those years, or its "
                    + "epoch second as a long.";
        }
        return null;
    }

    private static boolean isTime(Object value) {
        return value instanceof java.time.temporal.TemporalAccessor
                || value instanceof java.time.temporal.TemporalAmount;
    }

    private static String negativeZero(String it) {
        return it + " is -0.0, which PostgreSQL's jsonb stores as 0 (it has no negative zero), so the job would get "
                + "0.0. Pass 0.0.";
    }

    private static String outOfRange(String it, String size) {
        return it + " has " + size + ", more than PostgreSQL's jsonb numbers hold (" + NUMERIC_MAX_INTEGER_DIGITS
                + " before the decimal point, " + NUMERIC_MAX_SCALE + " after it). Pass it as text.";
    }

    private static String entityInside(String where, Object entity) {
        return its(where) + " is a JPA entity (a " + entity.getClass().getName()
                + "): it would be stored as a copy of its "
                + "fields, and the job would get a detached, possibly stale copy. An entity is stored as a reference "
                + "(type and id) only as a parameter declared as its type: pass the entity's id, or declare a "
                + "parameter of type " + entity.getClass().getSimpleName() + ".";
    }

    /**
     * Whether JSON-B sees the state of {@code value}'s class: it writes some property of it (null ones included), or
     * the class has no instance fields, so there is nothing to lose. A class found visible is remembered.
     */
    private boolean stateVisible(Object value) {
        Class<?> type = value.getClass();
        if (visible.contains(type)) {
            return true;
        }
        boolean seen;
        try {
            seen = !hasInstanceFields(type) || !"{}".equals(probe.toJson(value));
        } catch (RuntimeException e) {
            seen = false;
        }
        if (seen) {
            visible.add(type);
        }
        return seen;
    }

    private List<Property> propertiesOf(Class<?> type) {
        return properties.computeIfAbsent(type, ReadBack::findProperties);
    }

    /**
     * A record's components, or a bean's properties as JSON-B reads them (public getters, public fields), less those
     * marked {@link JsonbTransient}; none for classes of the platform ({@code java.*}, {@code jakarta.*}), which
     * JSON-B writes its own way. A public field is compared unless it is static or transient (JSON-B leaves those
     * alone) or a public getter of its name is (JSON-B reads that getter). Behind a getter that is not public, JSON-B
     * does not write the field at all: compared, a value there comes back as null, and is refused.
     */
    private static List<Property> findProperties(Class<?> type) {
        String name = type.getName();
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jakarta.")) {
            return List.of();
        }
        List<Property> found = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                if (!transientIn(type, component.getName(), accessor, component) && accessible(accessor)) {
                    found.add(new Property(component.getName(), accessor, true));
                }
            }
            return List.copyOf(found);
        }
        Set<String> names = new HashSet<>();
        for (Method method : type.getMethods()) {
            String property = propertyOf(method);
            if (property != null) {
                names.add(property);
                if (!transientIn(type, property, method) && accessible(method)) {
                    found.add(new Property(property, method, false));
                }
            }
        }
        // The class's own fields first: of a public field a subclass hides, JSON-B reads the subclass's.
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isPublic(modifiers)
                        && !Modifier.isStatic(modifiers)
                        && !Modifier.isTransient(modifiers)
                        && names.add(field.getName())
                        && !field.isAnnotationPresent(JsonbTransient.class)
                        && accessible(field)) {
                    found.add(new Property(field.getName(), field, false));
                }
            }
        }
        return List.copyOf(found);
    }

    /** The property a public getter reads ({@code getTotal}: total), or null for any other method. */
    private static String propertyOf(Method method) {
        if (Modifier.isStatic(method.getModifiers())
                || method.getParameterCount() != 0
                || method.getDeclaringClass() == Object.class
                || method.getReturnType() == void.class) {
            return null;
        }
        String name = method.getName();
        int prefix =
                name.startsWith("get") ? 3 : name.startsWith("is") && method.getReturnType() == boolean.class ? 2 : 0;
        if (prefix == 0 || name.length() == prefix) {
            return null;
        }
        return Character.toLowerCase(name.charAt(prefix)) + name.substring(prefix + 1);
    }

    private static boolean transientIn(Class<?> type, String property, AnnotatedElement... readers) {
        for (AnnotatedElement reader : readers) {
            if (reader.isAnnotationPresent(JsonbTransient.class)) {
                return true;
            }
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(property).isAnnotationPresent(JsonbTransient.class);
            } catch (NoSuchFieldException e) {
                // in a superclass, or a property with no field of its name
            }
        }
        return false;
    }

    private static boolean accessible(AccessibleObject reader) {
        try {
            reader.setAccessible(true);
            return true;
        } catch (RuntimeException e) {
            return false; // a class of a module that does not open it: JSON-B cannot read it either
        }
    }

    private static boolean hasInstanceFields(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A value JSON-B writes as a string or a boolean: nothing inside it to compare. */
    private static boolean isLeaf(Object value) {
        return value instanceof CharSequence
                || value instanceof Boolean
                || value instanceof Character
                || value instanceof Enum
                || value instanceof UUID
                || value instanceof java.time.temporal.TemporalAccessor
                || value instanceof java.time.temporal.TemporalAmount;
    }

    private static boolean isContainer(Object value) {
        return value instanceof Map
                || value instanceof Collection
                || value.getClass().isArray();
    }

    /** What a value must come back as: the same kind of container (any map for a map...), else its type. */
    private static Class<?> kindOf(Object value) {
        if (value instanceof JsonValue) {
            return JsonValue.class;
        }
        if (value instanceof Map) {
            return Map.class;
        }
        if (value instanceof Set) {
            return Set.class;
        }
        if (value instanceof List) {
            return List.class;
        }
        if (value instanceof Collection) {
            return Collection.class;
        }
        return typeOf(value);
    }

    /** An enum constant with a body is an instance of an anonymous subclass: the enum is its type. */
    static Class<?> typeOf(Object value) {
        return value instanceof Enum<?> constant ? constant.getDeclaringClass() : value.getClass();
    }

    private static Found found(String problem) {
        return problem == null ? null : new Found(problem, false);
    }

    private static Found changed(String where, Object sent, Object back) {
        return new Found(
                subject(where, sent) + " would reach the job as a "
                        + back.getClass().getName(),
                true);
    }

    private static String subject(String where, Object sent) {
        return where.isEmpty() ? "it" : its(where) + " (a " + sent.getClass().getName() + ")";
    }

    /**
     * What a path names in a sentence: "it" (the argument), "its value [1]" (in a list or map), "its component
     * payload" (of a record), "its property total" (of a bean), or "a value of the set" as given.
     */
    private static String its(String where) {
        if (where.isEmpty()) {
            return "it";
        }
        if (where.startsWith("a value of ")) {
            return where;
        }
        return where.startsWith("[") ? "its value " + where : "its " + where;
    }

    private static String shortText(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static String quoted(Object key) {
        return key instanceof String ? "'" + key + "'" : String.valueOf(key);
    }

    private static String names(Set<Class<?>> types) {
        return types.stream().map(Class::getName).sorted().collect(Collectors.joining(", ", "[", "]"));
    }
}
