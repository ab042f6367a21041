package org.queuejob.infrastructure.execution;

import java.time.Duration;
import java.util.Locale;

/**
 * A job's run lasted longer than its timeout: its work was rolled back and the job failed, as a transaction timeout
 * does. Stored as the job's exception, so the message says how long it ran, the limit and the setting that gives it.
 */
public class JobTimedOutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobTimedOutException(Duration ran, int timeoutSeconds, String setting) {
        super("The job ran for " + seconds(ran) + " s, longer than its timeout of " + timeoutSeconds + " s ("
                + setting + "), so its work was rolled back. Raise the timeout or make the job shorter, then requeue"
                + " it.");
    }

    /**
     * The job's method failed with {@code thrown} after running past its timeout: recorded as the timeout, whose doing
     * the failure may be (a transaction manager that rolled the job's transaction back at the timeout makes its next
     * statement fail), with the failure kept as its cause.
     */
    public JobTimedOutException(Duration ran, int timeoutSeconds, String setting, Throwable thrown) {
        super(
                "The job ran for " + seconds(ran) + " s, longer than its timeout of " + timeoutSeconds + " s ("
                        + setting + "), and then failed, so its work was rolled back. Raise the timeout or make the"
                        + " job shorter, then requeue it.",
                thrown);
    }

    /**
     * The job was interrupted at its timeout ({@code interruptSetting} is true) and its method then ended with {@code
     * thrown}, the cause kept so the stored stack trace shows where the interrupt found it.
     */
    public JobTimedOutException(
            Duration ran, int timeoutSeconds, String setting, String interruptSetting, Throwable thrown) {
        super(
                "The job was interrupted after " + seconds(ran) + " s, past its timeout of " + timeoutSeconds + " s ("
                        + setting + "; " + interruptSetting + " is true), so its work was rolled back. Raise the"
                        + " timeout or make the job shorter, then requeue it.",
                thrown);
    }

    private static String seconds(Duration ran) {
        return String.format(Locale.ROOT, "%.1f", ran.toMillis() / 1000.0);
    }
}
