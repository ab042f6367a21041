package org.queuejob.infrastructure.serialization;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.queuejob.api.JobArgumentException;

/**
 * The one rule for a job's arguments given as a JSON array by a person rather than passed by a call: through the API,
 * in the back office's recurring job form, and in a {@code @Recurring} method's configuration property (checked at
 * deployment, and again when its record is written). The arguments must be as many as the method's parameters, each
 * must be of the JSON type its parameter takes and read as that type, and the JSON they would be stored as must be
 * the JSON given (no number read as text, no fraction or field dropped on the way). Anything else is refused with one
 * sentence saying which argument and what it must be.
 */
public final class GivenArguments {

    private GivenArguments() {}

    /**
     * The arguments of a call of {@code method} (the job function named {@code function}) read from the JSON array
     * {@code json} (null: none), checked as described above.
     *
     * @throws JobArgumentException saying what is wrong
     */
    public static Object[] read(ArgumentCodec codec, String function, Method method, String json) {
        Parameter[] parameters = method.getParameters();
        JsonArray array;
        try (JsonReader reader = Json.createReader(new StringReader(json == null ? "[]" : json))) {
            array = reader.readArray();
        } catch (JsonParsingException | IllegalStateException e) {
            throw new JobArgumentException(
                    "The arguments must be a JSON array, one value per parameter of " + signature(function, method)
                            + ".",
                    e);
        }
        if (array.size() != parameters.length) {
            throw new JobArgumentException(String.format(
                    "%s takes %d argument(s), %d given.",
                    signature(function, method), parameters.length, array.size()));
        }
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].getType().isPrimitive() && array.isNull(i)) {
                throw new JobArgumentException(String.format(
                        "Argument %d of %s cannot be null: its type is %s.",
                        i + 1,
                        signature(function, method),
                        parameters[i].getType().getSimpleName()));
            }
            int index = i;
            GivenJson.expectedInstead(parameters[i].getType(), array.get(i)).ifPresent(expected -> {
                throw new JobArgumentException(String.format(
                        "Argument %d of %s must be %s, not %s.",
                        index + 1, signature(function, method), expected, GivenJson.described(array.get(index))));
            });
        }
        Object[] values;
        try {
            values = codec.decode(method, array.toString());
        } catch (UnreadableArgumentException e) {
            // Only JSON-B reads it (a date, a record, a list): said as the plain types' check says it.
            throw new JobArgumentException(
                    String.format(
                            "Argument %d of %s must be %s, not %s.",
                            e.position(), signature(function, method), e.expected(), e.found()),
                    e);
        } catch (RuntimeException e) {
            // JSON-B reports a value of the wrong type with its own exception types (JsonbException, ...).
            throw new JobArgumentException(
                    String.format("The arguments do not fit %s: %s", signature(function, method), rootMessage(e)), e);
        }
        requireStoredAsGiven(codec, function, method, array, values);
        return values;
    }

    /**
     * JSON-B reads leniently (the number 1 as the text "1" for a {@code String}, 1.5 as 1 and 99999999999 as
     * 1215752191 for an {@code int}, a field a record does not have as nothing): the arguments are refused unless
     * the JSON they would be stored as is the JSON given (numbers compared by value, so 1000 and 1e3 are the same).
     */
    private static void requireStoredAsGiven(
            ArgumentCodec codec, String function, Method method, JsonArray given, Object[] values) {
        String encoded = codec.encode(method, values); // its JobArgumentException says what cannot be stored
        JsonArray stored;
        try (JsonReader reader = Json.createReader(new StringReader(encoded))) {
            stored = reader.readArray();
        }
        for (int i = 0; i < given.size(); i++) {
            if (!GivenJson.same(given.get(i), stored.get(i))) {
                throw new JobArgumentException(String.format(
                        "Argument %d of %s would be stored as %s, not as the %s given: send it as its parameter's "
                                + "type reads it.",
                        i + 1,
                        signature(function, method),
                        GivenJson.shown(stored.get(i)),
                        GivenJson.shown(given.get(i))));
            }
        }
    }

    /** {@code fully.qualified.Bean.method(String, List<String>)}: the function's name and its parameters' types. */
    static String signature(String function, Method method) {
        return function
                + Arrays.stream(method.getGenericParameterTypes())
                        .map(type -> type.getTypeName().replaceAll("[a-z0-9_$]+\\.", ""))
                        .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
