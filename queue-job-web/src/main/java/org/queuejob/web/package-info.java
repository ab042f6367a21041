/**
 * The back office's pages: one small backing bean per page, named after it ({@code dashboard.xhtml} ↔ {@link
 * org.queuejob.web.DashboardBacking}, {@code jobs.xhtml} ↔ {@link org.queuejob.web.JobsBacking}, {@code job.xhtml} ↔
 * {@link org.queuejob.web.JobBacking}, {@code channels.xhtml} ↔ {@link org.queuejob.web.ChannelsBacking}, and {@link
 * org.queuejob.web.AutovacuumBacking} for its autovacuum panel, {@code job-functions.xhtml} ↔ {@link
 * org.queuejob.web.JobFunctionsBacking}), plus the logout endpoint. Beans call the application services ({@code
 * JobQueryService}, {@code JobAdminService}, {@code BulkActionService}, {@code ChannelService}, {@code
 * DashboardService}, {@code JobFunctionService}, {@code AutovacuumService}); none touches an {@code EntityManager}.
 * Who may see the pages is decided by the container (security constraints in {@code web.xml}); who may act, by {@link
 * org.queuejob.web.security.ManagerOnly} on every action that changes something (and viewers are shown none). What an
 * action that fails tells the user is decided in one place, {@link org.queuejob.web.Refusals}: the library's own
 * sentences, or a generic one (the details logged). Login goes through {@link org.queuejob.web.LoginServlet}, which
 * slows down password guessing ({@link org.queuejob.web.security.LoginThrottle}).
 */
package org.queuejob.web;
