package org.queuejob.application;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.CheckpointAlgorithm;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Optional;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.bulk.BulkActionRuns;
import org.queuejob.infrastructure.config.QueueJobSettings;

/**
 * Chunk boundaries, the pause between chunks and the stop requested from any server, as the autovacuum's throttle
 * does it: a chunk ends every {@code chunkSize} jobs; after it has committed ({@link #endCheckpoint}), the record
 * counts it and beats, and says whether a manager asked the action to stop (the reader then ends the step); at a duty
 * below 1 the action pauses {@code t × (1 − maxDuty) / maxDuty} after a chunk that took {@code t}, beating meanwhile.
 */
@Named("queueJobBulkActionPacer")
@Dependent
public class BulkActionPacer implements CheckpointAlgorithm {

    /** Transaction timeout of one chunk: far above what a chunk takes, even waiting for row locks. */
    static final int CHUNK_TIMEOUT_SECONDS = 600;

    @Inject
    @BatchProperty
    String actionId;

    @Inject
    @BatchProperty
    String epoch;

    @Inject
    @BatchProperty
    String chunkSize;

    @Inject
    @BatchProperty
    String maxDuty;

    @Inject
    JobContext job;

    @Inject
    BulkActionRuns runs;

    @Inject
    QueueJobSettings settings;

    private AutovacuumPace pace;
    private int items;
    private long chunkStarted;

    @Override
    public int checkpointTimeout() {
        return CHUNK_TIMEOUT_SECONDS;
    }

    @Override
    public void beginCheckpoint() {
        items = 0;
        chunkStarted = System.nanoTime();
    }

    @Override
    public boolean isReadyToCheckpoint() {
        return ++items >= pace().chunkSize();
    }

    @Override
    public void endCheckpoint() {
        if (items == 0) {
            return; // the empty chunk that ends the step
        }
        try {
            Duration work = Duration.ofNanos(System.nanoTime() - chunkStarted);
            if (stopAsked(runs.chunkDone(id(), currentEpoch(), work))) {
                return;
            }
            if (items >= pace().chunkSize()) {
                pause(pace().pauseAfter(work)); // a shorter chunk was the last: no pause after it
            }
        } catch (RuntimeException e) {
            BulkExecution.of(job).fail(e);
            throw e;
        }
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

    private void pause(Duration pause) {
        AutovacuumPace.pause(
                pause,
                settings.heartbeat(),
                () -> job.getBatchStatus() == BatchStatus.STOPPING,
                () -> !stopAsked(runs.beat(id(), currentEpoch())));
    }

    private long id() {
        return Long.parseLong(actionId);
    }

    private int currentEpoch() {
        return Integer.parseInt(epoch);
    }

    private AutovacuumPace pace() {
        if (pace == null) {
            pace = new AutovacuumPace(Integer.parseInt(chunkSize), Double.parseDouble(maxDuty));
        }
        return pace;
    }
}
