package org.queuejob.web.api;

/** A refusal with its HTTP status and a sentence for the caller (404 for an unknown job, 400 for a bad value, ...). */
class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }
}
