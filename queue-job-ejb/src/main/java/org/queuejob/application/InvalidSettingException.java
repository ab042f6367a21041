package org.queuejob.application;

import jakarta.ejb.ApplicationException;

/**
 * What staff asked for was refused (a malformed retry pattern or related action, a channel name that breaks the
 * grammar, an inconsistent channel setting, a job or channel that does not exist); the message is a sentence saying
 * what is wrong, in the original's words where it had some, fit to show as it is. Nothing was changed.
 */
@ApplicationException(rollback = true)
public class InvalidSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String message, Throwable cause) {
        super(message, cause);
    }
}
