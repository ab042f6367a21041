package org.queuejob.infrastructure.autovacuum;

import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import org.queuejob.domain.model.autovacuum.AutovacuumRuns;
import org.queuejob.domain.model.autovacuum.LoadYield;
import org.queuejob.infrastructure.batch.PacedCheckpoints;

/**
 * The autovacuum's chunks, paced ({@link PacedCheckpoints}): each committed chunk is counted on the run's record, and
 * a run whose record no longer says it is running (taken over, or ended by another server) fails at once. It gives
 * way to this server's busy workers down to {@code queue-job.autovacuum.busy-duty}.
 */
@Named("queueJobAutovacuumThrottle")
@Dependent
public class AutovacuumThrottle extends PacedCheckpoints {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    AutovacuumRuns runs;

    @Override
    protected boolean chunkDone(int items, Duration work) {
        return stillRunning(runs.chunkDone(run(), work));
    }

    @Override
    protected LoadYield yielding() {
        return settings.autovacuum().yielding();
    }

    @Override
    protected boolean beat() {
        return stillRunning(runs.beat(run()));
    }

    @Override
    protected void failed(RuntimeException e) {
        RunFailures.note(job, e);
    }

    private boolean stillRunning(boolean recorded) {
        if (!recorded) {
            throw new IllegalStateException(String.format(AutovacuumWriter.NOT_RUNNING, run()));
        }
        return true;
    }

    private long run() {
        return Long.parseLong(runId);
    }
}
