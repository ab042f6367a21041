package org.queuejob.bench.phase;

/** The phases every system goes through, the same for each. */
public enum Phase {
    /** N jobs stored while nothing runs, then released: jobs/s from the release to the last start. */
    BURN_DOWN("burn-down"),
    /** A producer stores N jobs (100 per transaction) while the workers run: jobs/s from the first store. */
    CONTINUOUS("continuous"),
    /** An idle system, one job per transaction, the next once the previous started: commit→start times. */
    LATENCY("latency");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
