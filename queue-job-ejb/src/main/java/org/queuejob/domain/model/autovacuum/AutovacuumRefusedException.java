package org.queuejob.domain.model.autovacuum;

/**
 * A stop or resume of an autovacuum run that cannot be done now (the run has ended, is running, runs or ran on another
 * server, is unknown); the message is a sentence saying why and what to do instead, fit to show as it is. Nothing was
 * changed. An {@link IllegalStateException}, as these refusals were before they had a type of their own.
 */
public class AutovacuumRefusedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public AutovacuumRefusedException(String message) {
        super(message);
    }
}
