package org.queuejob.domain.model.job;

/**
 * PostgreSQL's {@code text} and {@code jsonb} cannot hold the character U+0000 (NUL): a value with one makes the
 * statement that writes it fail, and with it the transaction. What a caller gives (a description, an identity key,
 * an argument) is refused with a sentence when it has one; what the queue records of a run that has happened (a
 * result, an exception's message and stack trace, a progress message) is kept with U+FFFD in its place. Text cut to a
 * column's length is cut here too ({@link #shortened}), whole characters only.
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

    /**
     * {@code text} if it has at most {@code max} characters, else its start and "…", {@code max} characters in all.
     * The cut never falls between the two halves of a character outside the Basic Multilingual Plane (an emoji, say):
     * half of one cannot be stored (the driver would write "?"), so the whole character goes.
     */
    public static String shortened(String text, int max) {
        return text.length() <= max ? text : prefix(text, max - 1) + "\u2026";
    }

    /** The first {@code length} characters of {@code text} (all of it if shorter), one fewer rather than half a pair. */
    public static String prefix(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = length > 0 && Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }

    /** The sentence that refuses a value given with a NUL, {@code what} naming it ("A job description"). */
    public static String refusal(String what) {
        return what + " cannot contain the character U+0000 (NUL): PostgreSQL cannot store it in text.";
    }
}
