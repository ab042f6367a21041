package org.queuejob.application;

import java.util.Set;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.JobTransition;

/**
 * What the back office does to many jobs at once (the original's wizards, §4.9, plus priority and channel), and the
 * states each applies to: the aggregate's state table, so that jobs in other states are left out rather than
 * refused one by one.
 */
public enum BulkAction {
    REQUEUE("Requeue", JobTransition.REQUEUE),
    SET_DONE("Set to done", JobTransition.MARK_DONE),
    CANCEL("Cancel", JobTransition.CANCEL),
    CHANGE_PRIORITY("Change priority", JobTransition.EDIT),
    CHANGE_CHANNEL("Change channel", JobTransition.EDIT);

    private final String label;
    private final Set<JobState> appliesTo;

    BulkAction(String label, JobTransition transition) {
        this.label = label;
        this.appliesTo = transition.from();
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
