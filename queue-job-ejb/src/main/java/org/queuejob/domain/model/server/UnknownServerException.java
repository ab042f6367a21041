package org.queuejob.domain.model.server;

/** An action named a server that has no record: it never ran here, it left, or it stopped over a day ago. */
public class UnknownServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownServerException(String name) {
        super("No server named " + name + " shares this queue: it left, or stopped over a day ago.");
    }
}
