/**
 * The queue's use cases: storing delayed calls ({@link org.queuejob.application.JobEnqueuer}) and reading jobs for
 * the back office ({@link org.queuejob.application.JobQueryService}). Thin services: repository, aggregate, done.
 */
package org.queuejob.application;
