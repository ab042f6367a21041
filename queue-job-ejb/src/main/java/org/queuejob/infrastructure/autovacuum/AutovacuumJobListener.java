package org.queuejob.infrastructure.autovacuum;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.logging.Logger;
import org.queuejob.domain.model.autovacuum.AutovacuumRuns;
import org.queuejob.domain.model.autovacuum.RunOutcome;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.config.WorkerIdentity;

/**
 * Records how an execution ended in its run's record. The batch status at this point is not final yet (the runtime
 * sets COMPLETED after the listeners), so STARTED means completed and STOPPING stopped.
 */
@Named("queueJobAutovacuumListener")
@Dependent
public class AutovacuumJobListener extends AbstractJobListener {

    static final String STOPPED = "Stopped on request after a chunk; resume it to continue where it stopped.";
    static final String FAILED = "Failed; see the server log of %s.";

    private static final Logger LOG = Logger.getLogger(AutovacuumJobListener.class.getName());

    @Inject
    @BatchProperty
    String runId;

    @Inject
    JobContext job;

    @Inject
    AutovacuumRuns runs;

    @Inject
    @QueueJobClock
    Clock clock;

    @Inject
    WorkerIdentity server;

    @Override
    public void afterJob() {
        long run = Long.parseLong(runId);
        RunOutcome outcome = switch (job.getBatchStatus()) {
            case FAILED, ABANDONED -> RunOutcome.FAILED;
            case STOPPING, STOPPED -> RunOutcome.STOPPED;
            default -> RunOutcome.COMPLETED;
        };
        String reason = switch (outcome) {
            case FAILED ->
                RunFailures.noted(job) == null ? String.format(FAILED, server.name()) : RunFailures.noted(job);
            case STOPPED -> STOPPED;
            default -> null;
        };
        runs.finish(run, outcome, reason, clock.instant());
        LOG.info(() -> "Autovacuum run " + run + " (execution " + job.getExecutionId() + ") ended: " + outcome.dbValue()
                + (reason == null ? "" : ": " + reason));
    }
}
