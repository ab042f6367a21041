/**
 * The back office's pages: one small backing bean per page, named after it ({@code jobs.xhtml} ↔ {@link
 * org.queuejob.web.JobsBacking}, {@code job.xhtml} ↔ {@link org.queuejob.web.JobBacking}), plus the logout endpoint.
 * Beans read jobs only through {@link org.queuejob.application.JobQueryService}; none touches an {@code
 * EntityManager}. Who may see the pages is decided by the container (security constraints in {@code web.xml}), not
 * here.
 */
package org.queuejob.web;
