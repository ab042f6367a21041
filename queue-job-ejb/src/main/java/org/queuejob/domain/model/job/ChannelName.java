package org.queuejob.domain.model.job;

/**
 * The one grammar of channel names, wherever a name is written: the configuration string, {@code @Job(channel)} and
 * {@code options().channel(...)}, a job function's edited channel, a job's channel on the job page and in bulk.
 *
 * <p>A complete name is {@code root} or {@code root.a.b}; {@code a.b} means the same. Each level (between dots) is
 * made of letters, digits, {@code _} and {@code -}; a complete name has at most {@value #MAX_LENGTH} characters (the
 * {@code channel} columns). Anything else (a capacity written into a name, {@code root:3}; markup; spaces; empty
 * levels) is refused with a sentence saying what is wrong, never stored.
 */
public final class ChannelName {

    public static final String ROOT = "root";

    /** Longest complete name: the {@code varchar(255)} of {@code queue_job.channel} and the channel tables. */
    public static final int MAX_LENGTH = 255;

    /** One level of a name: letters and digits ({@link Character#isLetter}, {@link Character#isDigit}), _ and -. */
    public static final String LEVEL = "[\\p{IsLetter}\\p{IsDigit}_-]+";

    /** A name as people write it, {@code root.mail} or {@code mail}: for Bean Validation's {@code @Pattern}. */
    public static final String PATTERN = LEVEL + "(\\." + LEVEL + ")*";

    /** The rule in words, for messages and form hints. */
    public static final String RULE = "letters, digits, '_' and '-', with a dot between levels (e.g. root.mail)";

    /** Longest part of a refused name repeated in a message. */
    static final int ECHOED = 60;

    private static final String ROOT_PREFIX = ROOT + ".";

    private ChannelName() {}

    /**
     * The complete name of {@code name}; null or blank is root.
     *
     * @throws IllegalArgumentException with a sentence naming what is wrong, when the name breaks the grammar
     */
    public static String normalize(String name) {
        if (name == null || name.isBlank()) {
            return ROOT;
        }
        String written = name.strip();
        String problem = problemWith(written);
        if (problem != null) {
            throw new IllegalArgumentException(capitalised(problem) + ".");
        }
        return complete(written);
    }

    /** {@code mail} and {@code root.mail} both give {@code root.mail}; nothing is checked. */
    public static String complete(String name) {
        return name.equals(ROOT) || name.startsWith(ROOT_PREFIX) ? name : ROOT_PREFIX + name;
    }

    /**
     * Null when {@code name} ({@code root.mail} or {@code mail}) follows the grammar, else what is wrong with it, as a
     * clause quoting the name as given ("channel name 'root.a..b' has an empty segment").
     */
    public static String problemWith(String name) {
        String completeName = complete(name);
        if (completeName.length() > MAX_LENGTH) {
            return "channel name '" + echo(name) + "' is longer than " + MAX_LENGTH + " characters ("
                    + completeName.length() + ")";
        }
        // A loop rather than a regex or a split: every enqueue goes through here.
        boolean levelEmpty = true;
        boolean badCharacter = false;
        for (int i = 0; i < completeName.length(); i++) {
            char c = completeName.charAt(i);
            if (c == '.') {
                if (levelEmpty) {
                    return "channel name '" + echo(name) + "' has an empty segment";
                }
                levelEmpty = true;
            } else {
                levelEmpty = false;
                badCharacter |= !(Character.isLetter(c) || Character.isDigit(c) || c == '_' || c == '-');
            }
        }
        if (levelEmpty) {
            return "channel name '" + echo(name) + "' has an empty segment";
        }
        return badCharacter ? "channel name '" + echo(name) + "' is not a channel name: use " + RULE : null;
    }

    private static String echo(String name) {
        return name.length() > ECHOED ? StoredText.prefix(name, ECHOED) + "…" : name;
    }

    private static String capitalised(String clause) {
        return Character.toUpperCase(clause.charAt(0)) + clause.substring(1);
    }
}
