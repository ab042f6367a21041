package org.queuejob.infrastructure.serialization;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Compares a job argument with what the job will receive: the value JSON-B reads back from the argument's JSON for
 * the parameter's declared type. Whatever the declared type ({@code Object} included), the argument, and every value
 * inside its maps, lists, sets and arrays, must come back as the type that was passed (any {@code Map} for a map, any
 * {@code List} for a list, any {@code Set} for a set), and must not be a class whose state JSON-B cannot see (a
 * thread, a stream: written as {@code {}}). Properties of records and beans are the JSON round trip's to check.
 *
 * <p>Cheap on the enqueue path: it walks only the argument's containers, and whether JSON-B sees a class's state is
 * found once per class (with the first value that shows it).
 */
final class ReadBack {

    /** Writes null properties too: a class JSON-B knows properties of never writes as {@code {}}. */
    private final Jsonb probe;

    /** Classes whose state JSON-B sees (or that have none to lose); the others are refused, so never cached. */
    private final Set<Class<?>> visible = ConcurrentHashMap.newKeySet();

    ReadBack(Jsonb probe) {
        this.probe = probe;
    }

    /** Empty when {@code back} is what the job may receive for {@code sent}; else a sentence saying what changes. */
    Optional<String> difference(Object sent, Object back) {
        return Optional.ofNullable(differenceAt("", sent, back));
    }

    private String differenceAt(String where, Object sent, Object back) {
        if (sent == null) {
            return null; // a null that comes back as something else changes the JSON: the round trip says so
        }
        if (back == null) {
            return subject(where, sent) + " comes back as null";
        }
        if (sent instanceof JsonValue) {
            // JSON itself: any implementation of the same JSON reads back equal, which the round trip checks.
            return back instanceof JsonValue ? null : changed(where, sent, back);
        }
        if (sent instanceof Map<?, ?> map) {
            return back instanceof Map<?, ?> backMap ? mapDifference(where, map, backMap) : changed(where, sent, back);
        }
        if (sent instanceof Collection<?> collection) {
            return collectionDifference(where, collection, back);
        }
        if (sent.getClass().isArray()) {
            return arrayDifference(where, sent, back);
        }
        if (sent instanceof Optional<?> optional) {
            return back instanceof Optional<?> backOptional
                    ? differenceAt(where, optional.orElse(null), backOptional.orElse(null))
                    : changed(where, sent, back);
        }
        if (typeOf(sent) != typeOf(back)) {
            return changed(where, sent, back);
        }
        if (!stateVisible(sent)) {
            return subject(where, sent) + " has state JSON-B cannot see: it would be stored as {} and come back "
                    + "empty";
        }
        return null;
    }

    private String mapDifference(String where, Map<?, ?> sent, Map<?, ?> back) {
        for (Map.Entry<?, ?> entry : sent.entrySet()) {
            Object key = entry.getKey();
            String at = where + "[" + quoted(key) + "]";
            if (!back.containsKey(key)) {
                if (entry.getValue() == null) {
                    continue; // an absent key reads as null too
                }
                String map = where.isEmpty() ? "the map" : where;
                return key == null
                        ? "the null key of " + map + " is lost"
                        : "the key " + quoted(key) + " (a " + key.getClass().getName() + ") of " + map
                                + " comes back as another type";
            }
            String difference = differenceAt(at, entry.getValue(), back.get(key));
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }

    private String collectionDifference(String where, Collection<?> sent, Object back) {
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
            // Sets come back in another order: compare which types they hold, and check each value's own type.
            Set<Class<?>> sentTypes = sent.stream()
                    .filter(value -> value != null)
                    .map(ReadBack::kindOf)
                    .collect(Collectors.toSet());
            Set<Class<?>> backTypes = backCollection.stream()
                    .filter(value -> value != null)
                    .map(ReadBack::kindOf)
                    .collect(Collectors.toSet());
            if (!sentTypes.equals(backTypes)) {
                return "the values of " + (where.isEmpty() ? "the set" : where) + " (" + names(sentTypes)
                        + ") come back as " + names(backTypes);
            }
            for (Object value : sent) {
                if (value != null && !isContainer(value) && !stateVisible(value)) {
                    return "a value of " + (where.isEmpty() ? "the set" : where) + " (a "
                            + value.getClass().getName() + ") has state JSON-B cannot see: it would be stored as {}";
                }
            }
            return null;
        }
        Iterator<?> backValues = backCollection.iterator();
        int index = 0;
        for (Object value : sent) {
            if (!backValues.hasNext()) {
                return "values of " + (where.isEmpty() ? "the collection" : where) + " are lost";
            }
            String difference = differenceAt(where + "[" + index++ + "]", value, backValues.next());
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }

    private String arrayDifference(String where, Object sent, Object back) {
        if (sent.getClass() != back.getClass()) {
            return changed(where, sent, back);
        }
        if (sent.getClass().getComponentType().isPrimitive()) {
            return null;
        }
        int length = Math.min(Array.getLength(sent), Array.getLength(back));
        for (int i = 0; i < length; i++) {
            String difference = differenceAt(where + "[" + i + "]", Array.get(sent, i), Array.get(back, i));
            if (difference != null) {
                return difference;
            }
        }
        return null;
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

    private static String changed(String where, Object sent, Object back) {
        return subject(where, sent) + " would reach the job as a "
                + back.getClass().getName();
    }

    private static String subject(String where, Object sent) {
        return where.isEmpty()
                ? "it"
                : "its value " + where + " (a " + sent.getClass().getName() + ")";
    }

    private static String quoted(Object key) {
        return key instanceof String ? "'" + key + "'" : String.valueOf(key);
    }

    private static String names(Set<Class<?>> types) {
        return types.stream().map(Class::getName).sorted().collect(Collectors.joining(", ", "[", "]"));
    }
}
