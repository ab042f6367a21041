package org.queuejob.infrastructure.persistence;

import java.sql.SQLException;

/** A statement of the queue's hot path failed; the database's own exception is the cause (its SQL state tells why). */
public class QueueStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueueStoreException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
