package org.queuejob.application;

import jakarta.ejb.ApplicationException;

/**
 * A setting staff entered was refused (a malformed retry pattern or related action, an unknown channel); the
 * message says what is wrong, in the original's words where it had some. Nothing was changed.
 */
@ApplicationException(rollback = true)
public class InvalidSettingException extends RuntimeException {

    public InvalidSettingException(String message, Throwable cause) {
        super(message, cause);
    }
}
