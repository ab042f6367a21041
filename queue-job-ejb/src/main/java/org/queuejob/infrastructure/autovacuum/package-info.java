/**
 * The autovacuum on Jakarta Batch and PostgreSQL: the job {@code META-INF/batch-jobs/queue-job-autovacuum.xml} (one
 * chunk step: {@link org.queuejob.infrastructure.autovacuum.AutovacuumReader} walks the candidates by keyset, {@link
 * org.queuejob.infrastructure.autovacuum.AutovacuumWriter} deletes a chunk per transaction, {@link
 * org.queuejob.infrastructure.autovacuum.AutovacuumThrottle} decides the chunk boundaries and pauses between chunks,
 * {@link org.queuejob.infrastructure.autovacuum.AutovacuumJobListener} records the outcome), the JDBC implementations
 * of the domain's ports (the finished jobs, the run records that are also the one-run guard) and the launcher on the
 * server's {@code JobOperator}. The batch artifacts are {@code @Named} CDI beans, found through the bean manager of
 * whichever module starts the job: the EJB module of an EAR, or the WAR that bundles the library.
 */
package org.queuejob.infrastructure.autovacuum;
