package org.queuejob.domain.model.recurring;

/**
 * What a record does with ticks nobody enqueued in time (every server was down, or the record was disabled): ticks
 * count as missed once the latest of them is more than {@link TickPlan#LATE_AFTER} old.
 */
public enum MissedTicks {

    /** Missed ticks enqueue nothing; the schedule goes on from the next tick to come. The default. */
    SKIP("Skip missed ticks"),

    /** However many ticks were missed, one job is enqueued for the latest of them, then the schedule goes on. */
    RUN_ONCE("Run once for missed ticks");

    private final String label;

    MissedTicks(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
