package org.queuejob.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.queuejob.api.JobArgumentException;
import org.queuejob.api.JobQueue;
import org.queuejob.domain.model.job.JobPriority;
import org.queuejob.infrastructure.interception.JobFunction;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;
import org.queuejob.infrastructure.serialization.ArgumentCodec;
import org.queuejob.infrastructure.serialization.UnreadableArgumentException;

/**
 * Enqueues a job of a registered job function with JSON arguments, checked as a {@code @Job} call is: the function
 * must be one of the deployment's {@code @Job} methods (nothing else can ever be named), the arguments must be as many
 * as its parameters, each must be of the JSON type its parameter takes and read as that type, and the JSON they would
 * be stored as must be the JSON given (no number read as text, no fraction or field dropped on the way). Anything else
 * is refused with a sentence saying what is wrong, and nothing is stored.
 */
@ApplicationScoped
public class JobSubmissionService {

    @Inject
    JobFunctionRegistry functions;

    @Inject
    ArgumentCodec codec;

    @Inject
    JobEnqueuer enqueuer;

    @Inject
    JobQueue queue;

    @Transactional(Transactional.TxType.REQUIRED)
    public UUID submit(JobSubmission submission) {
        if (submission.jobFunction() == null || submission.jobFunction().isBlank()) {
            throw new InvalidRequestException(
                    "A job function is required (\"function\": \"fully.qualified.Bean.method\").");
        }
        JobFunction function = functions
                .find(submission.jobFunction())
                .orElseThrow(() -> new InvalidRequestException("No job function named '" + submission.jobFunction()
                        + "': only the @Job methods of this deployment can be enqueued (see GET job-functions)."));
        Object[] arguments = arguments(function, submission.argumentsJson());
        JobQueue.Options options = queue.options();
        try {
            if (submission.priority() != null) {
                options = options.priority(JobPriority.requireValid(submission.priority()));
            }
            if (submission.eta() != null) {
                options = options.eta(submission.eta());
            }
            if (submission.maxRetries() != null) {
                options = options.maxRetries(submission.maxRetries());
            }
            if (submission.description() != null) {
                options = options.description(submission.description());
            }
            if (submission.channel() != null) {
                options = options.channel(submission.channel());
            }
            if (submission.identityKey() != null) {
                options = options.identityKey(submission.identityKey());
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        }
        try {
            return enqueuer.enqueue(function, arguments, options);
        } catch (JobArgumentException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        }
    }

    /** The arguments of a call of {@code function} read from a JSON array, checked as described above. */
    Object[] arguments(JobFunction function, String json) {
        Method method = function.method();
        Parameter[] parameters = method.getParameters();
        JsonArray array;
        try (JsonReader reader = Json.createReader(new StringReader(json == null ? "[]" : json))) {
            array = reader.readArray();
        } catch (JsonParsingException | IllegalStateException e) {
            throw new InvalidRequestException(
                    "The arguments must be a JSON array, one value per parameter of " + signature(function) + ".", e);
        }
        if (array.size() != parameters.length) {
            throw new InvalidRequestException(String.format(
                    "%s takes %d argument(s), %d given.", signature(function), parameters.length, array.size()));
        }
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].getType().isPrimitive() && array.isNull(i)) {
                throw new InvalidRequestException(String.format(
                        "Argument %d of %s cannot be null: its type is %s.",
                        i + 1, signature(function), parameters[i].getType().getSimpleName()));
            }
            int index = i;
            JsonValues.expectedInstead(parameters[i].getType(), array.get(i)).ifPresent(expected -> {
                throw new InvalidRequestException(String.format(
                        "Argument %d of %s must be %s, not %s.",
                        index + 1, signature(function), expected, JsonValues.described(array.get(index))));
            });
        }
        Object[] values;
        try {
            values = codec.decode(method, array.toString());
        } catch (UnreadableArgumentException e) {
            throw new InvalidRequestException(
                    String.format(
                            "Argument %d of %s must be %s, not %s.",
                            e.position(), signature(function), e.expected(), e.found()),
                    e);
        } catch (RuntimeException e) {
            // JSON-B reports a value of the wrong type with its own exception types (JsonbException, ...).
            throw new InvalidRequestException(
                    String.format("The arguments do not fit %s: %s", signature(function), rootMessage(e)), e);
        }
        requireStoredAsGiven(function, array, values);
        return values;
    }

    /**
     * JSON-B reads leniently (the number 1 as the text "1" for a {@code String}, 1.5 as 1 and 99999999999 as
     * 1215752191 for an {@code int}, a field a record does not have as nothing): the arguments are refused unless
     * the JSON they would be stored as is the JSON given (numbers compared by value, so 1000 and 1e3 are the same).
     */
    private void requireStoredAsGiven(JobFunction function, JsonArray given, Object[] values) {
        String encoded;
        try {
            encoded = codec.encode(function.method(), values);
        } catch (JobArgumentException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        }
        JsonArray stored;
        try (JsonReader reader = Json.createReader(new StringReader(encoded))) {
            stored = reader.readArray();
        }
        for (int i = 0; i < given.size(); i++) {
            if (!JsonValues.same(given.get(i), stored.get(i))) {
                throw new InvalidRequestException(String.format(
                        "Argument %d of %s would be stored as %s, not as the %s given: send it as its parameter's "
                                + "type reads it.",
                        i + 1, signature(function), JsonValues.shown(stored.get(i)), JsonValues.shown(given.get(i))));
            }
        }
    }

    private static String signature(JobFunction function) {
        return function.name()
                + Arrays.stream(function.method().getGenericParameterTypes())
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
