package org.queuejob.domain.model.autovacuum;

import java.util.Arrays;

/** Where an autovacuum run stands; stored by its lower-case name. Only one run may be running at a time. */
public enum RunOutcome {
    RUNNING("running", "Running"),
    COMPLETED("completed", "Completed"),
    FAILED("failed", "Failed"),
    STOPPED("stopped", "Stopped");

    private final String dbValue;
    private final String label;

    RunOutcome(String dbValue, String label) {
        this.dbValue = dbValue;
        this.label = label;
    }

    public String dbValue() {
        return dbValue;
    }

    public String label() {
        return label;
    }

    /** A stopped or failed run can be resumed from its last checkpoint. */
    public boolean isResumable() {
        return this == STOPPED || this == FAILED;
    }

    public static RunOutcome fromDbValue(String value) {
        return Arrays.stream(values())
                .filter(outcome -> outcome.dbValue.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown autovacuum outcome: " + value));
    }
}
