package org.queuejob.domain.model.autovacuum;

import java.io.Serializable;
import java.time.Duration;

/**
 * How hard a run works: {@code chunkSize} jobs per transaction, and at most {@code maxDuty} of the wall time spent
 * working. After a chunk that took {@code t}, the run pauses {@code t × (1 − maxDuty) / maxDuty} (9 t at 0.1), so
 * whatever the machine, the queue's own work keeps the rest of it.
 */
public record AutovacuumPace(int chunkSize, double maxDuty) implements Serializable {

    public static final int MAX_CHUNK_SIZE = 100_000;

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
}
