/**
 * What the queue's Jakarta Batch jobs (the autovacuum, bulk actions) share: chunks paced to a duty cycle, with
 * beats during the pauses.
 */
package org.queuejob.infrastructure.batch;
