package org.queuejob.domain.model.job;

/**
 * A server's hold on a job, as it was handed over ({@code version}): the server runs it, or is about to. A change by
 * hand (requeue, set done, cancel) takes the job from that run, which goes on until its method returns and is then
 * rolled back. Until it returns it still occupies a slot of its channel ({@link JobRepository#recordRunTakenAway}).
 */
public record HeldRun(long jobId, long version, String worker, String channel) {}
