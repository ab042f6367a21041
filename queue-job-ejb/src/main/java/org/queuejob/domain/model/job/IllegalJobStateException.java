package org.queuejob.domain.model.job;

/** A state change that the job's state table does not allow from its current state. */
public class IllegalJobStateException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public IllegalJobStateException(String message) {
        super(message);
    }
}
