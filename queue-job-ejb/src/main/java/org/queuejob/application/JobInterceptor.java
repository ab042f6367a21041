package org.queuejob.application;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.queuejob.api.Job;
import org.queuejob.infrastructure.interception.CallCapture;
import org.queuejob.infrastructure.interception.JobFunction;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;
import org.queuejob.infrastructure.interception.JobInvocation;
import org.queuejob.infrastructure.interception.NoDelay;

/**
 * Turns a call of a {@link Job} method into a stored job (in the caller's transaction) instead of running it: the
 * entry point of the enqueue use case, as a controller is a screen's.
 */
@Job
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class JobInterceptor {

    @Inject
    JobFunctionRegistry registry;

    @Inject
    JobEnqueuer enqueuer;

    @AroundInvoke
    public Object delay(InvocationContext invocation) throws Exception {
        if (JobInvocation.consumeRunNow(invocation.getMethod()) || NoDelay.active() && !CallCapture.capturing()) {
            return invocation.proceed();
        }
        JobFunction function = registry.find(invocation.getMethod())
                .orElseThrow(() -> new IllegalStateException("No job function registered for " + invocation.getMethod()
                        + ": is its bean archive discovered by CDI?"));
        if (!CallCapture.capture(function, invocation.getParameters())) {
            enqueuer.enqueue(function, invocation.getParameters());
        }
        return defaultValue(invocation.getMethod().getReturnType());
    }

    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive() || type == void.class) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return 0;
    }
}
