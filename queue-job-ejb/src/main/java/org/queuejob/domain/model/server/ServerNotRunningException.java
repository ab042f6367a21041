package org.queuejob.domain.model.server;

/** A server cannot be made quiet: the leader takes it for dead, and its jobs go back to pending anyway. */
public class ServerNotRunningException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ServerNotRunningException(String name, ServerStatus.Condition condition) {
        super("Server " + name + " is " + condition.word() + ", not running: there is nothing to make quiet (the"
                + " leader sends its jobs back to pending).");
    }
}
