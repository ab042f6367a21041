package org.queuejob.infrastructure.execution;

/** A stored job names a function this deployment does not have (renamed or removed since it was stored). */
public class UnknownJobFunctionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownJobFunctionException(String name) {
        super("No @Job method '" + name + "' in this deployment: was it renamed or removed since the job was "
                + "stored? Requeue the job once a deployment has it again.");
    }
}
