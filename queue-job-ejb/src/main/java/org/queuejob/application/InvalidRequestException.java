package org.queuejob.application;

/**
 * A request from outside (the REST API) that cannot be carried out as asked: an unknown job function, arguments that do
 * not fit its parameters, a malformed cursor. The message is a sentence for the person who sent it.
 */
public class InvalidRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
