package org.queuejob.application;

import static org.queuejob.domain.model.job.JobState.CANCELLED;
import static org.queuejob.domain.model.job.JobState.DONE;
import static org.queuejob.domain.model.job.JobState.ENQUEUED;
import static org.queuejob.domain.model.job.JobState.FAILED;
import static org.queuejob.domain.model.job.JobState.PENDING;
import static org.queuejob.domain.model.job.JobState.STARTED;
import static org.queuejob.domain.model.job.JobState.WAIT_DEPENDENCIES;

import java.util.Set;
import org.queuejob.domain.model.job.JobState;

/**
 * What the back office does to many jobs at once (the original's wizards, §4.9, plus priority and channel), and the
 * states each applies to: the aggregate's state table, so that jobs in other states are left out rather than
 * refused one by one.
 */
public enum BulkAction {
    REQUEUE("Requeue", Set.of(PENDING, ENQUEUED, STARTED, FAILED, DONE, CANCELLED)),
    SET_DONE("Set to done", Set.of(WAIT_DEPENDENCIES, PENDING, ENQUEUED, STARTED, FAILED)),
    CANCEL("Cancel", Set.of(WAIT_DEPENDENCIES, PENDING, ENQUEUED, STARTED, FAILED)),
    CHANGE_PRIORITY("Change priority", Set.of(WAIT_DEPENDENCIES, PENDING, FAILED)),
    CHANGE_CHANNEL("Change channel", Set.of(WAIT_DEPENDENCIES, PENDING, FAILED));

    private final String label;
    private final Set<JobState> appliesTo;

    BulkAction(String label, Set<JobState> appliesTo) {
        this.label = label;
        this.appliesTo = appliesTo;
    }

    public String label() {
        return label;
    }

    /** The confirmation button's text, as the original's wizards ("Cancel jobs", not a bare "Cancel"). */
    public String confirmLabel() {
        return this == CANCEL ? "Cancel jobs" : label;
    }

    /** The states of the jobs this action changes; jobs in other states are skipped. */
    public Set<JobState> appliesTo() {
        return appliesTo;
    }
}
