package org.queuejob.api;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a method of a CDI bean as a job: calling it does not run it, it stores a job in the caller's transaction.
 * The queue runs the method later, in its own transaction, with the arguments given at the call.
 *
 * <p>Arguments are stored as JSON (JSON-B): primitives, strings, enums, {@code java.time} values, collections,
 * records and simple classes; JPA entities are stored as references and reloaded when the job runs. A call whose
 * arguments cannot be stored fails at once with a {@link JobArgumentException}.
 *
 * <p>The call returns {@code null} (or zero / {@code false} for primitive return types); the method's real return
 * value, when the job runs, is kept as the job's result text. Only methods carrying this annotation can ever be
 * invoked from a stored job.
 *
 * <p>Put it on methods. It may only stand on a type because CDI needs that for the interceptor class; on a bean
 * class it is refused at deployment.
 */
@Documented
@Inherited
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface Job {

    /** Default priority: smaller runs first, as in the original. */
    int DEFAULT_PRIORITY = 10;

    /** Default number of tries before a retryable job fails; 0 means retry forever. */
    int DEFAULT_MAX_RETRIES = 5;

    /** Description shown in the back office; empty means {@code SimpleBeanName.method}. */
    @Nonbinding
    String description() default "";

    /** Channel the job runs in; the complete name, {@code root.} optional. */
    @Nonbinding
    String channel() default "root";

    @Nonbinding
    int priority() default DEFAULT_PRIORITY;

    @Nonbinding
    int maxRetries() default DEFAULT_MAX_RETRIES;

    /**
     * Delays between tries when a {@link RetryableJobException} gives none, by try count, in the original's syntax:
     * {@code "{1: 60, 3: 180, 5: (300, 600)}"} (a range picks at random). Empty: 10 minutes. A malformed pattern
     * fails the deployment with the original's message.
     */
    @Nonbinding
    String retryPattern() default "";

    /**
     * The name of a {@code @Named} {@link RelatedAction} bean that tells the back office's "Related" button where to
     * go for a job of this method. Empty: no related action. Editable in the back office's job function record.
     */
    @Nonbinding
    String relatedAction() default "";

    /**
     * How long a run of this method may last, in seconds, before its work is rolled back and the job fails with a
     * {@code JobTimedOutException}. 0: the configured default ({@code queue-job.job-timeout-seconds}, an hour unless
     * set). The setting {@code queue-job.job-timeout-seconds.<job function>} wins over this value, so that operators
     * can change one job function's timeout without a build. A negative value fails the deployment.
     */
    @Nonbinding
    int timeoutSeconds() default 0;
}
