package org.queuejob.infrastructure.autovacuum;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.CheckpointAlgorithm;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.autovacuum.AutovacuumRuns;
import org.queuejob.infrastructure.config.QueueJobSettings;

/**
 * Chunk boundaries and the pause between chunks, as a custom checkpoint algorithm because that is the one hook the
 * batch runtime calls after a chunk's transaction has committed ({@link #endCheckpoint}): pausing in a chunk
 * listener would hold the transaction, and its row locks, open during the pause. A chunk ends after {@code
 * chunkSize} candidates; after a chunk that took {@code t}, the run pauses {@code t × (1 − maxDuty) / maxDuty},
 * beating meanwhile so that no other server takes the run over, and ending the pause early when asked to stop.
 */
@Named("queueJobAutovacuumThrottle")
@Dependent
public class AutovacuumThrottle implements CheckpointAlgorithm {

    /** Transaction timeout of one chunk: far above what deleting a chunk takes, even waiting for locks. */
    static final int CHUNK_TIMEOUT_SECONDS = 600;

    @Inject
    @BatchProperty
    String runId;

    @Inject
    @BatchProperty
    String chunkSize;

    @Inject
    @BatchProperty
    String maxDuty;

    @Inject
    JobContext job;

    @Inject
    AutovacuumRuns runs;

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
        try {
            long run = Long.parseLong(runId);
            Duration work = Duration.ofNanos(System.nanoTime() - chunkStarted);
            if (!runs.chunkDone(run, work)) {
                throw new IllegalStateException(String.format(AutovacuumWriter.NOT_RUNNING, run));
            }
            if (items >= pace().chunkSize()) {
                pause(run, pace().pauseAfter(work)); // a shorter chunk was the last: no pause after it
            }
        } catch (RuntimeException e) {
            RunFailures.note(job, e);
            throw e;
        }
    }

    private void pause(long run, Duration pause) {
        AutovacuumPace.pause(pause, settings.heartbeat(), () -> job.getBatchStatus() == BatchStatus.STOPPING, () -> {
            if (!runs.beat(run)) {
                throw new IllegalStateException(String.format(AutovacuumWriter.NOT_RUNNING, run));
            }
            return true;
        });
    }

    private AutovacuumPace pace() {
        if (pace == null) {
            pace = new AutovacuumPace(Integer.parseInt(chunkSize), Double.parseDouble(maxDuty));
        }
        return pace;
    }
}
