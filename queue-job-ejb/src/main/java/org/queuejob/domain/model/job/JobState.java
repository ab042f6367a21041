package org.queuejob.domain.model.job;

import java.util.Arrays;

/** The states of the original's job (§1.B), stored by their lower-case names. */
public enum JobState {
    WAIT_DEPENDENCIES("wait_dependencies", "Wait Dependencies"),
    PENDING("pending", "Pending"),
    ENQUEUED("enqueued", "Enqueued"),
    STARTED("started", "Started"),
    DONE("done", "Done"),
    CANCELLED("cancelled", "Cancelled"),
    FAILED("failed", "Failed");

    private final String dbValue;
    private final String label;

    JobState(String dbValue, String label) {
        this.dbValue = dbValue;
        this.label = label;
    }

    public String dbValue() {
        return dbValue;
    }

    public String label() {
        return label;
    }

    public boolean isFinal() {
        return this == DONE || this == CANCELLED;
    }

    public static JobState fromDbValue(String value) {
        return Arrays.stream(values())
                .filter(state -> state.dbValue.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown job state: " + value));
    }
}
