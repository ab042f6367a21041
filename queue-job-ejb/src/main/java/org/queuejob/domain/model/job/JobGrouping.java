package org.queuejob.domain.model.job;

/** What the job list can be grouped by, as the original's "Group By" menu (§4.6). */
public enum JobGrouping {
    CHANNEL("channel", "Channel"),
    JOB_FUNCTION("jobFunction", "Job function"),
    STATE("state", "State"),
    EXCEPTION("excName", "Exception");

    private final String attribute;
    private final String label;

    JobGrouping(String attribute, String label) {
        this.attribute = attribute;
        this.label = label;
    }

    /** The {@link QueueJob} attribute the list is grouped by. */
    public String attribute() {
        return attribute;
    }

    public String label() {
        return label;
    }
}
