/**
 * Bulk actions on PostgreSQL and Jakarta Batch: the records in {@code queue_job_bulk_action} (plain JDBC, joining a
 * chunk's transaction) and the launcher on this server's {@code JobOperator}. The batch job itself ({@code
 * META-INF/batch-jobs/queue-job-bulk-action.xml}) and its artifacts are in the application layer, since they change
 * jobs through the application's services.
 */
package org.queuejob.infrastructure.bulk;
