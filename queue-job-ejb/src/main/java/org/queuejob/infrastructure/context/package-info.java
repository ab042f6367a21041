/**
 * The enqueuing caller's context values carried to the job's run: the built-in {@code locale} and {@code tz}, and
 * the application's {@link org.queuejob.api.JobContextValue} beans.
 */
package org.queuejob.infrastructure.context;
