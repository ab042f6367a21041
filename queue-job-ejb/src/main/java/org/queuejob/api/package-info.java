/**
 * The public API of the queue, all an application needs to write jobs: the {@link org.queuejob.api.Job}
 * annotation, and the exceptions through which job code asks for a retry ({@link
 * org.queuejob.api.RetryableJobException}) or a human ({@link org.queuejob.api.FailedJobException}), and through
 * which a call whose arguments cannot be stored is refused ({@link org.queuejob.api.JobArgumentException}).
 */
package org.queuejob.api;
