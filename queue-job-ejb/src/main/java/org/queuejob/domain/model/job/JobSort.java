package org.queuejob.domain.model.job;

/** Sortable columns of the job list; anything else sorts by creation, newest first. */
public enum JobSort {
    DATE_CREATED("dateCreated"),
    DATE_DONE("dateDone"),
    PRIORITY("priority"),
    STATE("state"),
    CHANNEL("channel"),
    DESCRIPTION("description"),
    JOB_FUNCTION("jobFunction"),
    ETA("eta"),
    EXEC_TIME("execTimeMillis"),
    EXCEPTION("excName"),
    USER("userName");

    private final String attribute;

    JobSort(String attribute) {
        this.attribute = attribute;
    }

    /** The {@link QueueJob} attribute the list is sorted by. */
    public String attribute() {
        return attribute;
    }
}
