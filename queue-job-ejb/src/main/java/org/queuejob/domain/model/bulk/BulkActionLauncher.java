package org.queuejob.domain.model.bulk;

import org.queuejob.domain.model.autovacuum.AutovacuumPace;

/** The batch runtime that runs bulk actions on this server. */
public interface BulkActionLauncher {

    /**
     * Starts a batch execution for the action's {@code epoch}; it continues from the record's checkpoint, whatever
     * ran before and wherever. Returns the execution id.
     */
    long start(long runId, int epoch, AutovacuumPace pace);

    /** Whether an execution of this action started by this server is still active here. */
    boolean runsHere(long runId);

    /** True while the application stops: its executions stop and their actions stay running, to be resumed. */
    boolean shuttingDown();
}
