package org.queuejob.domain.model.job;

/**
 * PostgreSQL's {@code text} and {@code jsonb} cannot hold the character U+0000 (NUL): a value with one makes the
 * statement that writes it fail, and with it the transaction. What a caller gives (a description, an identity key,
 * an argument) is refused with a sentence when it has one; what the queue records of a run that has happened (a
 * result, an exception's message and stack trace, a progress message) is kept with U+FFFD in its place.
 */
public final class StoredText {

    public static final char NUL = '\u0000';

    /** The character shown where a NUL was: Unicode's replacement character. */
    public static final char REPLACEMENT = '\uFFFD';

    private StoredText() {}

    public static boolean hasNul(String text) {
        return text != null && text.indexOf(NUL) >= 0;
    }

    /** {@code text} with each NUL replaced, so that it can be stored; null stays null. */
    public static String storable(String text) {
        return hasNul(text) ? text.replace(NUL, REPLACEMENT) : text;
    }

    /** The sentence that refuses a value given with a NUL, {@code what} naming it ("A job description"). */
    public static String refusal(String what) {
        return what + " cannot contain the character U+0000 (NUL): PostgreSQL cannot store it in text.";
    }
}
