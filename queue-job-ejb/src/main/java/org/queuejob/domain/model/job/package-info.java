/**
 * The job aggregate: {@link org.queuejob.domain.model.job.QueueJob} and its state table, its options and failures,
 * and the {@link org.queuejob.domain.model.job.JobRepository} it is kept in; and the job list as the back office reads
 * it, {@link org.queuejob.domain.model.job.JobQueries}, with its filter, sort and grouping. No container services
 * here beyond JPA mapping annotations.
 */
package org.queuejob.domain.model.job;
