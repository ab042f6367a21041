package org.queuejob.infrastructure.interception;

import jakarta.enterprise.inject.spi.Bean;
import java.lang.reflect.Method;
import java.util.Objects;
import org.queuejob.api.Job;
import org.queuejob.domain.model.job.RetryPattern;

/**
 * A {@link Job} method found at deployment: the only kind of method a stored job can name. Its name, {@code
 * fully.qualified.Bean.method}, is what the job row stores.
 */
public record JobFunction(String name, Bean<?> bean, Method method, Job defaults, RetryPattern retryPattern) {

    public JobFunction {
        Objects.requireNonNull(name, "A job function name is required.");
        Objects.requireNonNull(bean, "The bean of a job function is required.");
        Objects.requireNonNull(method, "The method of a job function is required.");
        Objects.requireNonNull(defaults, "The @Job annotation of a job function is required.");
        Objects.requireNonNull(retryPattern, "A retry pattern is required (RetryPattern.NONE for none).");
    }

    public static String nameOf(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }

    /** The original's default description: the annotation's, else {@code SimpleBeanName.method}. */
    public String defaultDescription() {
        return defaults.description().isBlank()
                ? method.getDeclaringClass().getSimpleName() + "." + method.getName()
                : defaults.description();
    }
}
