package org.queuejob.domain.model.job;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

/**
 * What the original keeps of a failure: exception name, message and the full stack trace (a NUL or half a character in
 * them kept as U+FFFD, see {@link StoredText}; message and stack trace cut past {@link RunText#MAX_CHARS} characters,
 * with a line saying how much was left out).
 */
public record JobFailure(String exceptionName, String message, String stackTrace) {

    /** Stack traces are kept whole up to this size; a runaway recursion must not bloat the row. */
    static final int MAX_STACK_TRACE_CHARS = RunText.MAX_CHARS;

    /** A bound on the causes written when the stack trace is written by hand, against causes that nest without end. */
    private static final int MAX_CAUSES = 100;

    public JobFailure {
        Objects.requireNonNull(exceptionName, "An exception name is required.");
        message = RunText.kept(message);
        stackTrace = RunText.kept(stackTrace);
    }

    /**
     * The failure as {@code throwable} tells it. Never throws for the throwable's own code: an exception whose
     * {@code getMessage()} or {@code toString()} throws (here or in a cause) is recorded with a sentence saying so, or
     * its failure would go unrecorded and the job run again and again.
     */
    public static JobFailure of(Throwable throwable) {
        return new JobFailure(throwable.getClass().getName(), messageOf(throwable), stackTraceOf(throwable));
    }

    /** {@code throwable}'s message, or its {@code toString()} when it has none; a sentence when neither can be read. */
    public static String messageOf(Throwable throwable) {
        try {
            String message = throwable.getMessage();
            return message == null ? throwable.toString() : message;
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            return unreadable(e);
        }
    }

    /**
     * {@code throwable}'s own message, possibly null, as {@link Throwable#getMessage()} gives it; a sentence when it
     * cannot be read.
     */
    public static String readMessage(Throwable throwable) {
        try {
            return throwable.getMessage();
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            return unreadable(e);
        }
    }

    /** "name: message" of {@code throwable}, as its {@code toString()} says by default, whatever its own code does. */
    public static String describe(Throwable throwable) {
        String message = readMessage(throwable);
        String name = throwable.getClass().getName();
        return message == null ? name : name + ": " + message;
    }

    private static String unreadable(Throwable reading) {
        String name = reading.getClass().getName();
        String message;
        try {
            message = reading.getMessage();
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            message = null;
        }
        return "(the exception's message could not be read: " + (message == null ? name : name + ": " + message) + ")";
    }

    private static String stackTraceOf(Throwable throwable) {
        StringWriter trace = new StringWriter();
        try {
            throwable.printStackTrace(new PrintWriter(trace));
            return trace.toString();
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            return handWritten(throwable, e);
        }
    }

    /** The stack trace as printStackTrace writes it, without calling the throwables' own toString(). */
    private static String handWritten(Throwable throwable, Throwable printing) {
        StringBuilder trace = new StringBuilder();
        Set<Throwable> written = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable part = throwable;
        for (int causes = 0; part != null && causes < MAX_CAUSES && written.add(part); causes++) {
            if (causes > 0) {
                trace.append("Caused by: ");
            }
            trace.append(describe(part)).append('\n');
            for (StackTraceElement frame : part.getStackTrace()) {
                trace.append("\tat ").append(frame).append('\n');
            }
            part = part.getCause();
        }
        return trace.append("(written without the exceptions' own toString(), which threw ")
                .append(describe(printing))
                .append(')')
                .toString();
    }
}
