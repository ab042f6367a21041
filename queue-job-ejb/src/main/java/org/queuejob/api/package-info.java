/**
 * The public API for job code: all a module that writes, enqueues and tests jobs needs. {@link
 * org.queuejob.api.Job} marks a method as a job; {@link org.queuejob.api.JobQueue} enqueues with options, builds
 * graphs ({@link org.queuejob.api.Delayable}), traps jobs in tests ({@link org.queuejob.api.JobsTrap}) and runs
 * calls at once ({@code noDelay}); {@link org.queuejob.api.JobContext} tells a running job about itself, and {@link
 * org.queuejob.api.JobContextValue} carries the caller's context to it; {@link org.queuejob.api.RelatedAction} tells
 * the back office where a job leads. Job code asks for a retry with {@link org.queuejob.api.RetryableJobException}
 * or fails for good with {@link org.queuejob.api.FailedJobException}; a call whose arguments cannot be stored is
 * refused with {@link org.queuejob.api.JobArgumentException}.
 *
 * <p>Acting on jobs, channels and job functions from code (what the back office does) goes through the services of
 * {@code org.queuejob.application} that the README lists as public: {@code JobAdminService}, {@code ChannelService},
 * {@code JobFunctionService}, {@code JobQueryService} and {@code AutovacuumService}. Everything else in the library
 * (the {@code domain} and {@code infrastructure} packages, the other classes of {@code application}) is internal.
 */
package org.queuejob.api;
