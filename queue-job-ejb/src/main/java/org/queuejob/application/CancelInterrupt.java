package org.queuejob.application;

/**
 * What happens to a job's run when someone cancels the job, sets it done or requeues it while its method runs: its
 * work is rolled back either way, and its server interrupts the run within two seconds if the job function allows
 * it ({@code queue-job.cancel-interrupt}, on unless set otherwise); if not, the run goes on until the method returns.
 *
 * @param interrupts whether the run is interrupted
 * @param setting the setting that says so
 */
public record CancelInterrupt(boolean interrupts, String setting) {}
