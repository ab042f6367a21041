/**
 * Bulk actions as records: {@link org.queuejob.domain.model.bulk.BulkActionRun} is one action on many jobs (who
 * started it, on which jobs, how far it has come), {@link org.queuejob.domain.model.bulk.BulkActionRuns} keeps them in
 * the database, where they are at once every server's view of the action and its checkpoint, and {@link
 * org.queuejob.domain.model.bulk.BulkActionLauncher} runs them on this server's batch runtime. An action's outcome and
 * pace are the autovacuum's ({@link org.queuejob.domain.model.autovacuum.RunOutcome}, {@link
 * org.queuejob.domain.model.autovacuum.AutovacuumPace}): the two are runs of the same machinery.
 */
package org.queuejob.domain.model.bulk;
