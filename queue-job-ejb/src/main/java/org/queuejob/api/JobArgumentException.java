package org.queuejob.api;

import jakarta.ejb.ApplicationException;

/**
 * A {@link Job} method was called with an argument that cannot be stored (not JSON-serialisable, an entity without
 * an id, a payload over the size limit). Thrown at the call, so nothing half-stored ever reaches the queue.
 *
 * <p>An application exception for EJBs that leaves the transaction alone: a call refused on a session bean's
 * {@code @Job} method reaches the caller as itself, and the caller's transaction is not marked for rollback.
 */
@ApplicationException(inherited = true, rollback = false)
public class JobArgumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public JobArgumentException(String message) {
        super(message);
    }

    public JobArgumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
