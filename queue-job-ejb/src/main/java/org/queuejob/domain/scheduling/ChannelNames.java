package org.queuejob.domain.scheduling;

/**
 * Channel name structure shared by the parser, the specs and the tree: full names, parents. Tolerant on purpose (a
 * spec may come from a record stored before the grammar was enforced); the grammar of names people write is {@link
 * org.queuejob.domain.model.job.ChannelName}'s, checked where names are entered.
 */
final class ChannelNames {

    static final String ROOT = "root";
    private static final String ROOT_PREFIX = ROOT + ".";

    private ChannelNames() {}

    /** {@code sub} and {@code root.sub} name the same channel; a missing or blank name means root. */
    static String normalize(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.equals(ROOT) || n.startsWith(ROOT_PREFIX)) {
            return n.isEmpty() ? ROOT : n;
        }
        return ROOT_PREFIX + n;
    }

    /** The parent of a full name; root has none (null). Tolerates malformed job channels such as "root..x". */
    static String parentOf(String fullName) {
        int dot = fullName.lastIndexOf('.');
        return fullName.equals(ROOT) ? null : dot < 0 ? ROOT : fullName.substring(0, dot);
    }

    /** Null when the full name is well formed, else what is wrong with it. */
    static String problemWith(String fullName) {
        if (!fullName.equals(ROOT) && !fullName.startsWith(ROOT_PREFIX)) {
            return "channel name '" + fullName + "' is not a full name (root or root.*)";
        }
        for (String segment : fullName.split("\\.", -1)) {
            if (segment.isBlank()) {
                return "channel name '" + fullName + "' has an empty segment";
            }
        }
        return null;
    }
}
