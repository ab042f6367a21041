package org.queuejob.application;

import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Optional;
import org.queuejob.domain.model.autovacuum.LoadYield;
import org.queuejob.domain.model.bulk.BulkActionRuns;
import org.queuejob.infrastructure.batch.PacedCheckpoints;

/**
 * A bulk action's chunks, paced as the autovacuum's ({@link PacedCheckpoints}), giving way to this server's busy
 * workers down to {@code queue-job.bulk.busy-duty}: after each chunk has committed, the record counts it and beats,
 * and says whether a manager asked the action to stop from any server (the reader then ends the step); the beats
 * during a pause ask the same.
 */
@Named("queueJobBulkActionPacer")
@Dependent
public class BulkActionPacer extends PacedCheckpoints {

    @Inject
    @BatchProperty
    String actionId;

    @Inject
    @BatchProperty
    String epoch;

    @Inject
    BulkActionRuns runs;

    @Inject
    BulkActionService bulkActions;

    @Override
    protected LoadYield yielding() {
        return bulkActions.yielding();
    }

    @Override
    protected boolean chunkDone(int items, Duration work) {
        // The empty chunk that ends the step changed nothing to count.
        return items > 0 && !stopAsked(runs.chunkDone(id(), currentEpoch(), work));
    }

    @Override
    protected boolean beat() {
        return !stopAsked(runs.beat(id(), currentEpoch()));
    }

    @Override
    protected void failed(RuntimeException e) {
        BulkExecution.of(job).fail(e);
    }

    /** True when a stop was asked for; fails the execution when it was fenced. */
    private boolean stopAsked(Optional<Boolean> stopRequested) {
        if (stopRequested.isEmpty()) {
            throw new IllegalStateException(String.format(BulkActionWriter.FENCED, id()));
        }
        if (stopRequested.get()) {
            BulkExecution.of(job).requestStop();
            return true;
        }
        return false;
    }

    private long id() {
        return Long.parseLong(actionId);
    }

    private int currentEpoch() {
        return Integer.parseInt(epoch);
    }
}
