package org.queuejob.domain.model.recurring;

/** A cron expression or time zone that cannot make a schedule; the message names the expression or zone. */
public class InvalidScheduleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidScheduleException(String message, Throwable cause) {
        super(message, cause);
    }
}
