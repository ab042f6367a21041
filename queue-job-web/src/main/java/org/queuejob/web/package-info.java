/**
 * The back office's pages: small backing beans, one per page and per concern, named after the page
 * ({@code dashboard.xhtml} ↔ {@link org.queuejob.web.DashboardBacking}; {@code jobs.xhtml} ↔ {@link
 * org.queuejob.web.JobsBacking} for its filters and table, with {@link org.queuejob.web.JobGroupsBacking}, {@link
 * org.queuejob.web.JobSelectionBacking}, {@link org.queuejob.web.JobTableToolsBacking} and {@link
 * org.queuejob.web.JobsBulkBacking}; {@code job.xhtml} ↔ {@link org.queuejob.web.JobBacking} for the job shown, with
 * {@link org.queuejob.web.JobActionsBacking}, {@link org.queuejob.web.JobEditBacking} and {@link
 * org.queuejob.web.JobGraphBacking}; {@code channels.xhtml} ↔ {@link org.queuejob.web.ChannelsBacking}, and {@link
 * org.queuejob.web.AutovacuumBacking} for its autovacuum panel; {@code job-functions.xhtml} ↔ {@link
 * org.queuejob.web.JobFunctionsBacking}), plus the logout endpoint. Beans of one page share its state by injecting its
 * main bean (all are view-scoped). Pages are given view objects ({@link org.queuejob.web.JobView}, {@link
 * org.queuejob.web.JobRow}, the services' views), never JPA entities. Beans call the application services ({@code
 * JobQueryService}, {@code JobAdminService}, {@code BulkActionService}, {@code ChannelService}, {@code
 * DashboardService}, {@code JobFunctionService}, {@code AutovacuumService}); none touches an {@code EntityManager}, and
 * their "now" is the queue's clock ({@code JobQueryService.now()}). Who may see the pages is decided by the container
 * (security constraints in {@code web.xml}); who may act, by {@link org.queuejob.web.security.ManagerOnly} on every
 * action that changes something (and viewers are shown none). What an action that fails tells the user is decided in
 * one place, {@link org.queuejob.web.Refusals}: the library's own sentences, or a generic one (the details logged).
 * Login goes through {@link org.queuejob.web.LoginServlet}, which slows down password guessing ({@link
 * org.queuejob.web.security.LoginThrottle}).
 */
package org.queuejob.web;
