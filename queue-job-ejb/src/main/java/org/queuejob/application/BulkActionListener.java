package org.queuejob.application;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.logging.Logger;
import org.queuejob.domain.model.autovacuum.RunOutcome;
import org.queuejob.domain.model.bulk.BulkActionLauncher;
import org.queuejob.domain.model.bulk.BulkActionRuns;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.config.WorkerIdentity;

/**
 * Records how an execution ended in its action's record, for its epoch only (an execution that was superseded
 * records nothing). The batch status here is not final yet (the runtime sets COMPLETED after the listeners), so
 * STARTED means completed, unless a manager asked it to stop. When the application stops, the action is left
 * running: the server resumes it when it starts again (or another one takes it over).
 */
@Named("queueJobBulkActionListener")
@Dependent
public class BulkActionListener extends AbstractJobListener {

    static final String STOPPED = "Stopped on request after a chunk; Resume continues where it stopped.";
    static final String FAILED = "Failed on %s: %s. Resume continues after the last job changed.";

    private static final Logger LOG = Logger.getLogger(BulkActionListener.class.getName());

    @Inject
    @BatchProperty
    String actionId;

    @Inject
    @BatchProperty
    String epoch;

    @Inject
    JobContext job;

    @Inject
    BulkActionRuns runs;

    @Inject
    BulkActionLauncher launcher;

    @Inject
    @QueueJobClock
    Clock clock;

    @Inject
    WorkerIdentity server;

    @Override
    public void beforeJob() {
        BulkExecution.of(job);
    }

    @Override
    public void afterJob() {
        long id = Long.parseLong(actionId);
        if (launcher.shuttingDown()) {
            LOG.info(() -> "Bulk action " + id + " left running while the application stops: it resumes from its"
                    + " checkpoint");
            return;
        }
        BulkExecution execution = BulkExecution.of(job);
        RunOutcome outcome = switch (job.getBatchStatus()) {
            case FAILED, ABANDONED -> RunOutcome.FAILED;
            case STOPPING, STOPPED -> RunOutcome.STOPPED;
            default -> execution.stopRequested() ? RunOutcome.STOPPED : RunOutcome.COMPLETED;
        };
        String reason = switch (outcome) {
            case FAILED ->
                String.format(
                        FAILED,
                        server.name(),
                        execution.failure() == null ? "see the server log" : execution.failure());
            case STOPPED -> STOPPED;
            default -> null;
        };
        runs.finish(id, Integer.parseInt(epoch), outcome, reason, clock.instant());
        LOG.info(() -> "Bulk action " + id + " (execution " + job.getExecutionId() + ") ended: " + outcome.dbValue()
                + (reason == null ? "" : ": " + reason));
    }
}
