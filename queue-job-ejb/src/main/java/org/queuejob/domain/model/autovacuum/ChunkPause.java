package org.queuejob.domain.model.autovacuum;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleFunction;
import java.util.function.DoubleSupplier;

/**
 * The wait between two chunks of a paced run. How long it owes depends on how busy the workers are, which changes
 * while it waits: the load is sampled at the start and after every slice of at most 100 ms, and the pause lasts until
 * what is owed at the mean of those samples has passed, so a burst of jobs arriving mid-pause lengthens it and one
 * that ends shortens it. The run beats every {@code heartbeat} (a run that pauses is still alive), and a stop ends
 * the pause at the next slice.
 */
public final class ChunkPause {

    /** Longest single wait, so that a stop and a change of load are noticed within it. */
    static final long SLICE_NANOS = Duration.ofMillis(100).toNanos();

    /** Time as the pause sees it; the real one parks the thread. */
    public interface Ticker {
        long nanoTime();

        void park(long nanos);
    }

    private static final Ticker REAL = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void park(long nanos) {
            LockSupport.parkNanos(nanos);
        }
    };

    private final Ticker ticker;
    private final Duration heartbeat;
    private final BooleanSupplier stopping;
    private final BooleanSupplier beat;

    /**
     * @param stopping true once the run is asked to stop
     * @param beat records that the run is alive; false ends the pause
     */
    public ChunkPause(Ticker ticker, Duration heartbeat, BooleanSupplier stopping, BooleanSupplier beat) {
        this.ticker = ticker;
        this.heartbeat = heartbeat;
        this.stopping = stopping;
        this.beat = beat;
    }

    public static ChunkPause real(Duration heartbeat, BooleanSupplier stopping, BooleanSupplier beat) {
        return new ChunkPause(REAL, heartbeat, stopping, beat);
    }

    /**
     * Waits until {@code owed} at the mean sampled load has passed since the call.
     *
     * @param owed the pause owed for a busy share (0 to 1)
     * @param load the busy share now
     * @return the mean busy share sampled
     */
    public double pause(DoubleFunction<Duration> owed, DoubleSupplier load) {
        long start = ticker.nanoTime();
        long now = start;
        long nextBeat = start + heartbeat.toNanos();
        double sum = load.getAsDouble();
        int samples = 1;
        while (!stopping.getAsBoolean()) {
            long end = start + owed.apply(sum / samples).toNanos();
            if (now - end >= 0) {
                break;
            }
            ticker.park(Math.min(SLICE_NANOS, Math.min(end - now, nextBeat - now)));
            now = ticker.nanoTime();
            sum += load.getAsDouble();
            samples++;
            if (now - nextBeat >= 0) {
                if (!beat.getAsBoolean()) {
                    break;
                }
                nextBeat = now + heartbeat.toNanos();
            }
        }
        return sum / samples;
    }
}
