package org.queuejob.infrastructure.interception;

import java.util.ArrayList;
import java.util.List;
import org.queuejob.api.JobCall;

/**
 * While {@code JobQueue.Options.enqueue} runs its lambda, {@code @Job} calls on this thread are captured here
 * instead of stored, so that the queue stores the call only once it knows there was exactly one.
 */
public final class CallCapture {

    /** A captured call: which function, with which arguments. */
    public record Captured(JobFunction function, Object[] arguments) {}

    private static final ThreadLocal<List<Captured>> CAPTURING = new ThreadLocal<>();

    private CallCapture() {}

    /**
     * The {@code @Job} calls {@code call} makes, captured rather than stored. A checked exception from the lambda
     * comes back as an {@link IllegalStateException}.
     */
    public static List<Captured> calls(JobCall call) {
        List<Captured> outer = start();
        List<Captured> captured;
        try {
            call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The captured call threw: " + e.getMessage(), e);
        } finally {
            captured = stop(outer);
        }
        return captured;
    }

    /** Starts capturing on this thread; returns what was being captured before (nested use), to restore. */
    private static List<Captured> start() {
        List<Captured> outer = CAPTURING.get();
        CAPTURING.set(new ArrayList<>());
        return outer;
    }

    /** Stops capturing and returns the calls made since {@link #start}. */
    private static List<Captured> stop(List<Captured> outer) {
        List<Captured> captured = CAPTURING.get();
        if (outer == null) {
            CAPTURING.remove();
        } else {
            CAPTURING.set(outer);
        }
        return captured == null ? List.of() : captured;
    }

    public static boolean capturing() {
        return CAPTURING.get() != null;
    }

    /** True (and the call kept) when a capture is running on this thread. */
    public static boolean capture(JobFunction function, Object[] arguments) {
        List<Captured> captured = CAPTURING.get();
        if (captured == null) {
            return false;
        }
        captured.add(new Captured(function, arguments.clone()));
        return true;
    }
}
