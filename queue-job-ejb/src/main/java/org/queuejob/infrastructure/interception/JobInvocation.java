package org.queuejob.infrastructure.interception;

import java.lang.reflect.Method;

/**
 * Lets the worker call a {@code @Job} method for real: the interceptor normally turns a call into a stored job, so
 * the worker marks the one call it is about to make, and the interceptor lets exactly that call through. Calls the
 * job itself makes to other {@code @Job} methods are delayed as usual.
 */
public final class JobInvocation {

    private static final ThreadLocal<Method> RUN_NOW = new ThreadLocal<>();

    private JobInvocation() {}

    static void allowNextCall(Method method) {
        RUN_NOW.set(method);
    }

    static void clear() {
        RUN_NOW.remove();
    }

    /** True once for the marked method: that call runs instead of being delayed. */
    public static boolean consumeRunNow(Method method) {
        Method marked = RUN_NOW.get();
        if (marked != null && marked.equals(method)) {
            RUN_NOW.remove();
            return true;
        }
        return false;
    }
}
