/**
 * Job figures for the back office's landing page and Channels screen, read from the database every server shares:
 * live counts of the jobs that have not ended ({@link org.queuejob.domain.model.statistics.JobCounts}), and the
 * ended jobs counted once per period and kept ({@link org.queuejob.domain.model.statistics.EndedJobTally}). Ports
 * only; the SQL is the infrastructure's.
 */
package org.queuejob.domain.model.statistics;
