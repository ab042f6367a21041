package org.queuejob.infrastructure.serialization;

/**
 * A stored or submitted argument its parameter's type cannot read. The message speaks of a stored job (a parameter
 * changed while it waited); its parts let a caller that is submitting arguments say it in its own words.
 */
public class UnreadableArgumentException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final String expected;
    private final String found;

    UnreadableArgumentException(String message, int position, String expected, String found, Throwable cause) {
        super(message, cause);
        this.position = position;
        this.expected = expected;
        this.found = found;
    }

    /** The argument's place, from 1. */
    public int position() {
        return position;
    }

    /** What the parameter takes, with its article ("a LocalDate"). */
    public String expected() {
        return expected;
    }

    /** What the value is ("the text \"abc\""). */
    public String found() {
        return found;
    }
}
