package org.queuejob.domain.model.job;

/**
 * Text PostgreSQL cannot store as it was given, and what the queue does about it. Two kinds of character:
 *
 * <ul>
 *   <li>U+0000 (NUL): {@code text} and {@code jsonb} cannot hold it, and a value with one makes the statement that
 *       writes it fail, and with it the transaction.
 *   <li>half of a character outside the Basic Multilingual Plane (a UTF-16 surrogate without its other half, which
 *       only broken string handling produces, or a JSON escape of one alone, backslash-u-D83D say): it has no UTF-8 form,
 *       so the driver writes "?" in its place, and the value stored is not the value given.
 * </ul>
 *
 * What a caller gives (a description, an identity key, an argument) is refused with a sentence when it has either;
 * what the queue records of a run that has happened (a result, an exception's message and stack trace, a progress
 * message) is kept with U+FFFD in its place. Text cut to a column's length is cut here too ({@link #shortened}), whole
 * characters only.
 */
public final class StoredText {

    public static final char NUL = '\u0000';

    /** The character shown where a NUL or half a character was: Unicode's replacement character. */
    public static final char REPLACEMENT = '\uFFFD';

    private StoredText() {}

    public static boolean hasNul(String text) {
        return text != null && text.indexOf(NUL) >= 0;
    }

    /** Whether {@code text} can be stored as it is: no NUL and no half character. Null can. */
    public static boolean isStorable(String text) {
        return unstorableAt(text) < 0;
    }

    /** The index of the first character that cannot be stored as it is (see the class), or -1 if there is none. */
    public static int unstorableAt(String text) {
        return text == null ? -1 : unstorableAt(text, 0);
    }

    /** As {@link #unstorableAt(String)}, from index {@code from} on (the start of a character, never its second half). */
    private static int unstorableAt(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == NUL) {
                return i;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++; // a whole character: both halves
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** {@code text} with each NUL and each half character replaced, so that it can be stored; null stays null. */
    public static String storable(String text) {
        int at = unstorableAt(text);
        if (at < 0) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        int from = 0;
        for (; at >= 0; at = unstorableAt(text, from)) {
            kept.append(text, from, at).append(REPLACEMENT);
            from = at + 1;
        }
        return kept.append(text, from, text.length()).toString();
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

    /**
     * The sentence that refuses {@code text}, given as {@code what} ("A job description"), for its first character
     * that cannot be stored; see {@link #unstorableAt}.
     */
    public static String refusal(String what, String text) {
        int at = unstorableAt(text);
        if (at < 0) {
            throw new IllegalArgumentException("The text can be stored: there is nothing to refuse.");
        }
        char c = text.charAt(at);
        return c == NUL
                ? refusal(what)
                : what + " cannot contain " + halfCharacter(c) + ": it would be stored as \"?\".";
    }

    /** "half of a character (the UTF-16 surrogate U+D83D without its other half)". */
    public static String halfCharacter(char surrogate) {
        return String.format(
                "half of a character (the UTF-16 surrogate U+%04X without its other half)", (int) surrogate);
    }
}
