package org.queuejob.infrastructure.serialization;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stored JSON of a call's arguments in a form equal arguments share, for identity keys: the keys of every object
 * sorted, and the values of every set (a parameter, component, property or value declared as a {@code Set}) sorted
 * by their own canonical text. A list's or an array's order is part of its value and is kept. The JSON of
 * {@code Set.of(...)} and {@code Map.of(...)} follows an iteration order salted per JVM, and a {@code LinkedHashMap}'s
 * follows insertion: hashed as written, equal arguments would give different keys on different servers.
 *
 * <p>Text that is canonical already comes out unchanged, character for character (numbers and strings are copied,
 * not rewritten), so its hash is what it was before: JSON-B writes record and bean properties in sorted order, so
 * only maps whose keys, and sets whose values, were written out of order change. It reads the compact JSON the codec
 * writes (no whitespace outside strings); text it cannot read is returned as it is.
 */
final class CanonicalArguments {

    private final String json;
    private int at;

    private CanonicalArguments(String json) {
        this.json = json;
    }

    /** The canonical form of {@code json}, a call's stored arguments, one per type of {@code types}. */
    static String of(String json, Type[] types) {
        CanonicalArguments reader = new CanonicalArguments(json);
        try {
            String canonical = reader.arguments(types);
            return reader.at == json.length() ? canonical : json;
        } catch (RuntimeException unreadable) {
            return json; // not the codec's text: hashed as it is
        }
    }

    private String arguments(Type[] types) {
        expect('[');
        List<String> values = new ArrayList<>();
        if (peek() != ']') {
            do {
                values.add(value(values.size() < types.length ? types[values.size()] : Object.class));
            } while (next(','));
        }
        expect(']');
        return "[" + String.join(",", values) + "]";
    }

    private String value(Type type) {
        Type declared = unwrapOptional(type);
        char c = peek();
        if (c == '{') {
            return object(declared);
        }
        if (c == '[') {
            return array(declared);
        }
        int start = at;
        if (c == '"') {
            skipString();
        } else {
            while (at < json.length() && ",]}".indexOf(json.charAt(at)) < 0) {
                at++;
            }
        }
        return json.substring(start, at);
    }

    private record Entry(String key, String text) {}

    private String object(Type type) {
        expect('{');
        List<Entry> entries = new ArrayList<>();
        if (peek() != '}') {
            do {
                int start = at;
                skipString();
                String rawKey = json.substring(start, at);
                String key = unescape(rawKey);
                expect(':');
                entries.add(new Entry(key, rawKey + ":" + value(memberType(type, key))));
            } while (next(','));
        }
        expect('}');
        entries.sort(Comparator.comparing(Entry::key));
        return "{" + String.join(",", entries.stream().map(Entry::text).toList()) + "}";
    }

    private String array(Type type) {
        expect('[');
        Type element = elementType(type);
        List<String> values = new ArrayList<>();
        if (peek() != ']') {
            do {
                values.add(value(element));
            } while (next(','));
        }
        expect(']');
        Class<?> raw = ArgumentCodec.rawType(type);
        // A map JSON-B writes as an array of {"key":...,"value":...} (keys that are not text) is unordered too.
        if (Set.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
            values.sort(Comparator.naturalOrder());
        }
        return "[" + String.join(",", values) + "]";
    }

    /** The declared type of a map's values, or of a record's component or a bean's field of that name. */
    private static Type memberType(Type type, String key) {
        Class<?> raw = ArgumentCodec.rawType(type);
        if (Map.class.isAssignableFrom(raw)) {
            return typeArgument(type, 1);
        }
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                if (component.getName().equals(key)) {
                    return component.getGenericType();
                }
            }
            return Object.class;
        }
        for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(key);
                return field.getGenericType();
            } catch (NoSuchFieldException e) {
                // in a superclass, or a property without a field of its name (its arrays then keep their order)
            }
        }
        return Object.class;
    }

    private static Type elementType(Type type) {
        if (type instanceof GenericArrayType array) {
            return array.getGenericComponentType();
        }
        Class<?> raw = ArgumentCodec.rawType(type);
        if (raw.isArray()) {
            return raw.getComponentType();
        }
        return Collection.class.isAssignableFrom(raw) ? typeArgument(type, 0) : Object.class;
    }

    private static Type unwrapOptional(Type type) {
        return ArgumentCodec.rawType(type) == Optional.class ? typeArgument(type, 0) : type;
    }

    /** The type argument at {@code index} of a parameterized declared type; Object when it is raw or otherwise. */
    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (arguments.length > index) {
                return arguments[index];
            }
        }
        return Object.class;
    }

    private void skipString() {
        expect('"');
        while (json.charAt(at) != '"') {
            at += json.charAt(at) == '\\' ? 2 : 1;
        }
        at++;
    }

    private static String unescape(String quoted) {
        if (quoted.indexOf('\\') < 0) {
            return quoted.substring(1, quoted.length() - 1);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char escaped = quoted.charAt(++i);
            switch (escaped) {
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    text.append((char) Integer.parseInt(quoted.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> text.append(escaped);
            }
        }
        return text.toString();
    }

    private char peek() {
        return json.charAt(at);
    }

    private boolean next(char c) {
        if (at < json.length() && json.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!next(c)) {
            throw new IllegalArgumentException("Expected " + c + " at " + at);
        }
    }
}
