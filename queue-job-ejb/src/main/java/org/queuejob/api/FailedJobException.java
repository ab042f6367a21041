package org.queuejob.api;

/** Thrown by job code when a person must look at the job: it fails at once, whatever retries are left. */
public class FailedJobException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FailedJobException(String message) {
        super(message);
    }

    public FailedJobException(String message, Throwable cause) {
        super(message, cause);
    }
}
