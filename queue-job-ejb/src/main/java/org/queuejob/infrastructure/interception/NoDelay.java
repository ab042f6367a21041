package org.queuejob.infrastructure.interception;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * When {@code @Job} calls run at once, in the caller, instead of being stored: everywhere when the environment has
 * {@code QUEUE_JOB__NO_DELAY} set to anything non-empty (as the original's, even "0"; for development only), or
 * on one thread for the span of {@link #during} (for tests that cannot use the queue).
 */
public final class NoDelay {

    public static final String VARIABLE = "QUEUE_JOB__NO_DELAY";

    private static final boolean EVERYWHERE = isSet(System.getenv());
    private static final ThreadLocal<Boolean> HERE = new ThreadLocal<>();

    private NoDelay() {}

    static boolean isSet(Map<String, String> environment) {
        String value = environment.get(VARIABLE);
        return value != null && !value.isEmpty();
    }

    public static boolean everywhere() {
        return EVERYWHERE;
    }

    public static boolean active() {
        return EVERYWHERE || Boolean.TRUE.equals(HERE.get());
    }

    /** Runs {@code work} with {@code @Job} calls on this thread running at once. */
    public static <T> T during(Callable<T> work) throws Exception {
        Boolean outer = HERE.get();
        HERE.set(true);
        try {
            return work.call();
        } finally {
            if (outer == null) {
                HERE.remove();
            } else {
                HERE.set(outer);
            }
        }
    }
}
