package org.queuejob.domain.model.autovacuum;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a paced run gives way to the queue's own work: the share of the time it may work goes from the pace's
 * {@code maxDuty} while its server's workers are idle down to {@code busyDuty} while all of them are busy, in
 * proportion to how busy they are. Deleting old jobs is never urgent, and on a machine whose CPU the queue already
 * uses up, every millisecond the run works is taken from the jobs (a tenth of the time cost a quarter of the
 * throughput on two busy cores).
 */
public record LoadYield(double busyDuty) implements Serializable {

    /** No yielding: the pace's duty whatever the load. */
    public static final LoadYield NONE = new LoadYield(1);

    public LoadYield {
        if (!(busyDuty > 0 && busyDuty <= 1)) {
            throw new IllegalArgumentException(
                    "The duty while busy is greater than 0 and at most 1 (0.02 = work a fiftieth of the time), got "
                            + busyDuty);
        }
    }

    /** The duty in force when {@code busyShare} (0 to 1) of the workers are busy; never above the pace's. */
    public double dutyAt(AutovacuumPace pace, double busyShare) {
        double share = Double.isNaN(busyShare) ? 0 : Math.max(0, Math.min(1, busyShare));
        double busy = Math.min(busyDuty, pace.maxDuty());
        return pace.maxDuty() * (1 - share) + busy * share;
    }

    /** The pause owed after a chunk that took {@code work}, at the duty in force for {@code busyShare}. */
    public Duration pauseAfter(AutovacuumPace pace, Duration work, double busyShare) {
        return new AutovacuumPace(pace.chunkSize(), dutyAt(pace, busyShare)).pauseAfter(work);
    }
}
