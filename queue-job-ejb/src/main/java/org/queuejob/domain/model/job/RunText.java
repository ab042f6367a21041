package org.queuejob.domain.model.job;

/**
 * What the queue keeps of a run's text: its result, an exception's message and stack trace. Each is kept whole up to
 * {@link #MAX_CHARS} characters; of a longer one, its start is kept with a line saying how many characters were left
 * out, so that nothing is cut unseen. A runaway result or message must not bloat its row, which every page listing the
 * job reads, nor fail the job on its own done mark. Kept storable as well ({@link StoredText#storable}).
 */
public final class RunText {

    /** Characters (UTF-16 units, as {@link String#length()} counts them) kept of each text. */
    public static final int MAX_CHARS = 100_000;

    private RunText() {}

    /** {@code text} as it is kept: cut to {@link #MAX_CHARS} with its marker, NULs and half characters replaced. */
    public static String kept(String text) {
        if (text == null) {
            return null;
        }
        // Cut first: storable() reads every character, and a huge text need only be read as far as it is kept.
        return StoredText.storable(text.length() <= MAX_CHARS ? text : cut(text));
    }

    /** The marker that ends a text cut to {@link #MAX_CHARS}, {@code leftOut} characters having been left out. */
    static String marker(int leftOut) {
        return String.format("%n... (%,d more characters left out)", leftOut);
    }

    private static String cut(String text) {
        String start = StoredText.prefix(text, MAX_CHARS);
        return start + marker(text.length() - start.length());
    }
}
