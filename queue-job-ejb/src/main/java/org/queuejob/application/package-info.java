/**
 * The queue's use cases: storing delayed calls ({@link org.queuejob.application.JobEnqueuer}), reading jobs for the
 * back office ({@link org.queuejob.application.JobQueryService}, {@link org.queuejob.application.DashboardService}),
 * acting on one job ({@link org.queuejob.application.JobAdminService}) or many ({@link
 * org.queuejob.application.BulkActionService}, in background chunks through the former), channels and job functions
 * at run time, and the autovacuum of finished jobs ({@link org.queuejob.application.AutovacuumService}, started daily
 * by {@link org.queuejob.application.AutovacuumScheduler}). Thin services: repository, aggregate, done. Role checks
 * are the caller's (the back office checks the manager role on every action), so that applications may call these
 * from their own code.
 */
package org.queuejob.application;
