package org.queuejob.infrastructure.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.CheckpointAlgorithm;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import java.time.Duration;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.autovacuum.ChunkPause;
import org.queuejob.domain.model.autovacuum.LoadYield;
import org.queuejob.domain.model.autovacuum.WorkerLoad;
import org.queuejob.infrastructure.config.QueueJobSettings;

/**
 * Chunk boundaries and the pause between chunks, as a custom checkpoint algorithm because that is the one hook the
 * batch runtime calls after a chunk's transaction has committed ({@link #endCheckpoint}): pausing in a chunk listener
 * would hold the transaction, and its row locks, open during the pause. A chunk ends after {@code chunkSize} items;
 * after a chunk that took {@code t}, the job pauses {@code t × (1 − maxDuty) / maxDuty}, beating meanwhile so that
 * no other server takes it over, and ending the pause early when the job is stopping.
 *
 * <p>The job's {@code chunkSize} and {@code maxDuty} properties set the pace; a subclass may give way to this
 * server's workers ({@link #yielding()}), working less of the time while they are busy. Subclasses say what a
 * committed chunk and a beat record, and what a failure does to their execution.
 */
public abstract class PacedCheckpoints implements CheckpointAlgorithm {

    /** Transaction timeout of one chunk: far above what a chunk takes, even waiting for row locks. */
    public static final int CHUNK_TIMEOUT_SECONDS = 600;

    @Inject
    @BatchProperty
    String chunkSize;

    @Inject
    @BatchProperty
    String maxDuty;

    @Inject
    protected JobContext job;

    @Inject
    protected QueueJobSettings settings;

    @Inject
    WorkerLoad load;

    private AutovacuumPace pace;
    private int items;
    private long chunkStarted;

    /**
     * Records a committed chunk of {@code items} that took {@code work} (none: the empty chunk that ends the step);
     * false when the job goes no further, and then no pause follows.
     */
    protected abstract boolean chunkDone(int items, Duration work);

    /** Beats during a pause; false ends the pause early. */
    protected abstract boolean beat();

    /** Notes on the execution that it failed with {@code e}, before the batch runtime hears of it. */
    protected abstract void failed(RuntimeException e);

    /** How the run gives way to this server's busy workers; none unless a subclass says so. */
    protected LoadYield yielding() {
        return LoadYield.NONE;
    }

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
            Duration work = Duration.ofNanos(System.nanoTime() - chunkStarted);
            if (chunkDone(items, work) && items >= pace().chunkSize()) {
                pause(work); // a shorter chunk was the last: no pause after it
            }
        } catch (RuntimeException e) {
            failed(e);
            throw e;
        }
    }

    private void pause(Duration work) {
        LoadYield yielding = yielding();
        ChunkPause.real(settings.heartbeat(), () -> job.getBatchStatus() == BatchStatus.STOPPING, this::beat)
                .pause(busyShare -> yielding.pauseAfter(pace(), work, busyShare), load::busyShare);
    }

    private AutovacuumPace pace() {
        if (pace == null) {
            pace = new AutovacuumPace(Integer.parseInt(chunkSize), Double.parseDouble(maxDuty));
        }
        return pace;
    }
}
