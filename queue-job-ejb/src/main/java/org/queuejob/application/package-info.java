/**
 * The queue's use cases: storing delayed calls ({@link org.queuejob.application.JobEnqueuer}), reading jobs for the
 * back office ({@link org.queuejob.application.JobQueryService}, {@link org.queuejob.application.DashboardService}),
 * acting on one job ({@link org.queuejob.application.JobAdminService}) or many ({@link
 * org.queuejob.application.BulkActionService}: a Jakarta Batch job whose reader, writer, pacer and listener live here,
 * since the writer changes jobs through the former), channels and job functions
 * at run time, and the autovacuum of finished jobs ({@link org.queuejob.application.AutovacuumService}, started daily
 * by {@link org.queuejob.application.AutovacuumScheduler}). Thin services: repository, aggregate, done. Role checks
 * are the caller's (the back office checks the manager role on every action), so that applications may call these
 * from their own code.
 *
 * <p>Public, for applications as for the back office: {@link org.queuejob.application.JobAdminService}, {@link
 * org.queuejob.application.ChannelService}, {@link org.queuejob.application.JobFunctionService}, {@link
 * org.queuejob.application.JobQueryService} and {@link org.queuejob.application.AutovacuumService}, with the view
 * records they return. The other classes here are the library's own (the {@code @Job} interceptor, the enqueue, the
 * start-up, the back office's read models) and may change.
 */
package org.queuejob.application;
