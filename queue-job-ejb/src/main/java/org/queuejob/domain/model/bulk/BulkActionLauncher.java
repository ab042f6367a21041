package org.queuejob.domain.model.bulk;

import java.util.Map;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;

/** The batch runtime that runs bulk actions on this server. */
public interface BulkActionLauncher {

    /**
     * Starts a batch execution for the action's {@code epoch}; it continues from the record's checkpoint, whatever
     * ran before and wherever. Returns the execution id.
     */
    long start(long runId, int epoch, AutovacuumPace pace);

    /**
     * The actions whose executions are active here, each with the epoch its execution runs under: the actions this
     * server vouches for, however long their current chunk takes.
     */
    Map<Long, Integer> runningHere();

    /** True while the application stops: its executions stop and their actions stay running, to be resumed. */
    boolean shuttingDown();
}
