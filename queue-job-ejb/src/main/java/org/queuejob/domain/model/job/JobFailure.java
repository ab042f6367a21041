package org.queuejob.domain.model.job;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;

/**
 * What the original keeps of a failure: exception name, message and the full stack trace (a NUL or half a character in
 * them kept as U+FFFD, see {@link StoredText}).
 */
public record JobFailure(String exceptionName, String message, String stackTrace) {

    /** Stack traces are kept whole up to this size; a runaway recursion must not bloat the row. */
    static final int MAX_STACK_TRACE_CHARS = 100_000;

    public JobFailure {
        Objects.requireNonNull(exceptionName, "An exception name is required.");
        message = StoredText.storable(message);
        stackTrace = StoredText.storable(stackTrace);
        if (stackTrace != null && stackTrace.length() > MAX_STACK_TRACE_CHARS) {
            stackTrace = StoredText.prefix(stackTrace, MAX_STACK_TRACE_CHARS) + "\n... (truncated)";
        }
    }

    public static JobFailure of(Throwable throwable) {
        StringWriter trace = new StringWriter();
        throwable.printStackTrace(new PrintWriter(trace));
        String message = throwable.getMessage() == null ? throwable.toString() : throwable.getMessage();
        return new JobFailure(throwable.getClass().getName(), message, trace.toString());
    }
}
