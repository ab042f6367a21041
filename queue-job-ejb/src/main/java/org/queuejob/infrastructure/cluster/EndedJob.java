package org.queuejob.infrastructure.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A job that ended on a server that does not lead, as that server tells the leader: which hand-over ended (the job's
 * row version when the leader handed it over) and how. With it the leader frees the job's channel slots in memory, at
 * once, where a bare "a slot is free" made it read every held job from the database again first: one round trip
 * less between a follower's job ending and its next job starting, and a failed job blocks its sequential channel
 * before anything else of that channel is handed out.
 *
 * <p>A job done on a follower may have passed its slot on to the next job of its channel on the same server
 * ({@code SlotPassing}): then the leader counts that job in the slot instead of freeing it.
 *
 * <p>Sent as {@code freed:} followed by comma-separated {@code id.version} entries, {@code !} after a failed job's
 * and {@code ~} after one that may be waiting again (a retry, a change by someone else), {@code >id.version} after a
 * done one's that passed its slot on; each message stays under PostgreSQL's 8,000-byte payload limit. A leader of an
 * earlier version stops reading at such an entry, and its next look at the database counts what it did not read.
 */
public record EndedJob(long id, long version, How how, Optional<Next> next) {

    /** The job that took the slot on, with the version that names its hand-over. */
    public record Next(long id, long version) {}

    public EndedJob(long id, long version, How how) {
        this(id, version, how, Optional.empty());
    }

    /** How the job ended, as far as the leader's channel accounting cares. */
    public enum How {
        DONE,
        /** Failed for good: blocks its channel if the channel is sequential. */
        FAILED,
        /** Not done: back to waiting for a retry, changed by someone else, or left for this server to run again. */
        NOT_DONE
    }

    static final String PREFIX = Notifications.FREED + ":";

    /** Leaves room under PostgreSQL's limit (8,000 bytes) for the last entry. */
    private static final int MAX_MESSAGE = 7_900;

    /** The messages that tell {@code ended}, as few as the payload limit allows; none for none. */
    public static List<String> messages(List<EndedJob> ended) {
        List<String> messages = new ArrayList<>();
        StringBuilder message = new StringBuilder(PREFIX);
        for (EndedJob job : ended) {
            String entry = job.id + "." + job.version
                    + switch (job.how) {
                        case DONE ->
                            job.next
                                    .map(next -> ">" + next.id + "." + next.version)
                                    .orElse("");
                        case FAILED -> "!";
                        case NOT_DONE -> "~";
                    };
            if (message.length() + entry.length() + 1 > MAX_MESSAGE) {
                messages.add(message.toString());
                message.setLength(PREFIX.length());
            }
            if (message.length() > PREFIX.length()) {
                message.append(',');
            }
            message.append(entry);
        }
        if (message.length() > PREFIX.length()) {
            messages.add(message.toString());
        }
        return messages;
    }

    /**
     * The jobs a message tells of; empty when it is not such a message. A malformed entry ends the reading: what it
     * would have said is found by the leader's next look at the database, as for a lost message.
     */
    public static Optional<List<EndedJob>> parse(String message) {
        if (message == null || !message.startsWith(PREFIX)) {
            return Optional.empty();
        }
        List<EndedJob> ended = new ArrayList<>();
        for (String entry : message.substring(PREFIX.length()).split(",")) {
            How how = entry.endsWith("!") ? How.FAILED : entry.endsWith("~") ? How.NOT_DONE : How.DONE;
            String numbers = how == How.DONE ? entry : entry.substring(0, entry.length() - 1);
            int passed = how == How.DONE ? numbers.indexOf('>') : -1;
            try {
                long[] job = idAndVersion(passed < 0 ? numbers : numbers.substring(0, passed));
                Optional<Next> next = passed < 0
                        ? Optional.empty()
                        : Optional.of(idAndVersion(numbers.substring(passed + 1)))
                                .map(n -> new Next(n[0], n[1]));
                ended.add(new EndedJob(job[0], job[1], how, next));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                break;
            }
        }
        return Optional.of(ended);
    }

    private static long[] idAndVersion(String text) {
        int dot = text.indexOf('.');
        return new long[] {Long.parseLong(text.substring(0, dot)), Long.parseLong(text.substring(dot + 1))};
    }
}
