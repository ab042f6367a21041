package org.queuejob.infrastructure.interception;

import java.lang.reflect.Method;
import java.util.Objects;
import org.queuejob.domain.model.recurring.MissedTicks;

/**
 * A recurring job declared with {@code @Recurring} on a {@code @Job} method, with configuration's overrides applied:
 * what the record of {@code name} is set to at each deployment.
 *
 * @param enabled whether a new record ticks (configuration's value, else the annotation's)
 * @param configuredEnabled configuration's explicit {@code enabled}, applied at every deployment; null when not set
 *     (then staff's choice stays)
 * @param allowOverlap whether a tick enqueues its job while the last job has not ended (configuration's value, else
 *     the annotation's), applied at every deployment
 */
public record RecurringDeclaration(
        String name,
        String cron,
        String zone,
        MissedTicks missed,
        boolean allowOverlap,
        boolean enabled,
        Boolean configuredEnabled,
        String jobFunction,
        String argumentsJson,
        Method method) {

    public RecurringDeclaration {
        Objects.requireNonNull(name, "The name is required.");
        Objects.requireNonNull(jobFunction, "The job function is required.");
        Objects.requireNonNull(argumentsJson, "The arguments are required ([] for none).");
    }
}
