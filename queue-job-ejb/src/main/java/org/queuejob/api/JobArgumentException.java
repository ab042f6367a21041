package org.queuejob.api;

/**
 * A {@link Job} method was called with an argument that cannot be stored (not JSON-serialisable, an entity without
 * an id, a payload over the size limit). Thrown at the call, so nothing half-stored ever reaches the queue.
 */
public class JobArgumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public JobArgumentException(String message) {
        super(message);
    }

    public JobArgumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
