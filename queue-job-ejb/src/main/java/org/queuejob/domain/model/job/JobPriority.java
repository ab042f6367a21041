package org.queuejob.domain.model.job;

/**
 * The priorities the back office and the API take, for a job created or changed there and for a recurring job: 0 to
 * 1,000,000, smaller first (the original's default is 10). A {@code @Job} call in code may give any {@code int}, as
 * the original's {@code with_delay(priority=...)} may: that is the developer's choice, not a form's input.
 */
public final class JobPriority {

    public static final int MIN = 0;
    public static final int MAX = 1_000_000;

    public static final String RULE = "The priority is a whole number from 0 to 1,000,000 (smaller runs first)";

    private JobPriority() {}

    /** {@code priority}, or an {@link IllegalArgumentException} with the rule and the value given. */
    public static int requireValid(int priority) {
        if (priority < MIN || priority > MAX) {
            throw new IllegalArgumentException(String.format("%s, not %d.", RULE, priority));
        }
        return priority;
    }
}
