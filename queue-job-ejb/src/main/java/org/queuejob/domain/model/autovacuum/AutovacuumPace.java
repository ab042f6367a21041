package org.queuejob.domain.model.autovacuum;

import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * How hard a run works: {@code chunkSize} jobs per transaction, and at most {@code maxDuty} of the wall time spent
 * working. After a chunk that took {@code t}, the run pauses {@code t × (1 − maxDuty) / maxDuty} (9 t at 0.1), so
 * whatever the machine, the queue's own work keeps the rest of it.
 */
public record AutovacuumPace(int chunkSize, double maxDuty) implements Serializable {

    public static final int MAX_CHUNK_SIZE = 100_000;

    /** Longest single wait of a pause, so that a stop is noticed within it. */
    private static final long SLICE_NANOS = Duration.ofMillis(100).toNanos();

    public AutovacuumPace {
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException(
                    "The chunk size is a whole number from 1 to " + MAX_CHUNK_SIZE + ", got " + chunkSize);
        }
        if (!(maxDuty > 0 && maxDuty <= 1)) {
            throw new IllegalArgumentException(
                    "The duty is greater than 0 and at most 1 (0.1 = work a tenth of the time), got " + maxDuty);
        }
    }

    /** The pause after a chunk that took {@code work}, so that working stays within {@link #maxDuty()}. */
    public Duration pauseAfter(Duration work) {
        if (maxDuty >= 1 || work.isNegative() || work.isZero()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.round(work.toNanos() * (1 - maxDuty) / maxDuty));
    }

    /**
     * Waits {@code pause} in slices of at most 100 ms, calling {@code beat} every {@code heartbeat} (a run that pauses
     * is still alive), and ends early when {@code stopping} holds or {@code beat} answers false.
     */
    public static void pause(Duration pause, Duration heartbeat, BooleanSupplier stopping, BooleanSupplier beat) {
        long now = System.nanoTime();
        long end = now + pause.toNanos();
        long nextBeat = now + heartbeat.toNanos();
        while (now < end && !stopping.getAsBoolean()) {
            LockSupport.parkNanos(Math.min(SLICE_NANOS, Math.min(end, nextBeat) - now));
            now = System.nanoTime();
            if (now >= nextBeat) {
                if (!beat.getAsBoolean()) {
                    return;
                }
                nextBeat = now + heartbeat.toNanos();
            }
        }
    }
}
