package org.queuejob.domain.model.autovacuum;

/** The batch runtime that executes runs on this server. */
public interface AutovacuumLauncher {

    /** Starts a batch execution for a claimed run; returns its execution id. */
    long start(long runId, AutovacuumPace pace);

    /** Restarts a stopped or failed execution from its last checkpoint; returns the new execution id. */
    long restart(long executionId, long runId, AutovacuumPace pace);

    /** Whether this server's batch runtime knows the execution (it ran here), so that it can be restarted here. */
    boolean knows(long executionId);

    /** Asks a running execution of this server to stop after its current chunk; false if it does not run here. */
    boolean stop(long executionId);
}
