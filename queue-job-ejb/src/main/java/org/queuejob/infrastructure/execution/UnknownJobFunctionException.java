package org.queuejob.infrastructure.execution;

/**
 * A stored job names a job function this server does not have. The leader hands a job only to a server that has
 * its function, and fails at once, without running it, a pending job whose function no deployment has ever
 * registered ({@link #NEVER_REGISTERED}); this exception is for a row edited by hand after it was handed out.
 */
public class UnknownJobFunctionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The message of a job failed because no deployment has registered its function; {@code %s} is its name. */
    public static final String NEVER_REGISTERED = "Unknown job function %s: no deployment has registered a @Job "
            + "method of that name, so the job was not run. Cancel it, or requeue it once a deployment has that method.";

    public UnknownJobFunctionException(String name) {
        super("Unknown job function " + name + ": this server has no @Job method of that name, so the job was not "
                + "run. Requeue the job once a deployment has it.");
    }
}
