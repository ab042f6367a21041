package org.queuejob.api;

import jakarta.ejb.ApplicationException;

/**
 * Thrown by job code when a person must look at the job: it fails at once, whatever retries are left.
 *
 * <p>An application exception for EJBs: thrown by a session bean (the job's own, or one the job calls), it reaches
 * the queue as itself, not wrapped in an {@code EJBException}, and marks the transaction for rollback, as the job's
 * work is rolled back.
 */
@ApplicationException(inherited = true, rollback = true)
public class FailedJobException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FailedJobException(String message) {
        super(message);
    }

    public FailedJobException(String message, Throwable cause) {
        super(message, cause);
    }
}
