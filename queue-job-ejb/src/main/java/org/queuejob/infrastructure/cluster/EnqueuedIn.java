package org.queuejob.infrastructure.cluster;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a server that does not lead tells the leader when it stored jobs: in which channels (as the jobs name them),
 * so that the leader reads only the channels that schedule them. Sent as {@code enqueued:} followed by the channels,
 * comma-separated; a bare {@link Notifications#ENQUEUED} (channels too many for one message, or a name with a comma,
 * which job rows may hold) means "anywhere".
 */
public final class EnqueuedIn {

    static final String PREFIX = Notifications.ENQUEUED + ":";

    /** Leaves room under PostgreSQL's payload limit (8,000 bytes), counted in characters of up to 3 bytes. */
    private static final int MAX_CHARACTERS = 2_600;

    private EnqueuedIn() {}

    /** The message for jobs stored in {@code channels}. */
    public static String message(Collection<String> channels) {
        if (channels.isEmpty() || channels.stream().anyMatch(channel -> channel == null || channel.contains(","))) {
            return Notifications.ENQUEUED;
        }
        String message = PREFIX + String.join(",", channels);
        return message.length() > MAX_CHARACTERS ? Notifications.ENQUEUED : message;
    }

    /** The channels a message names; empty when it is not such a message (a bare "enqueued" included). */
    public static Optional<Set<String>> parse(String message) {
        if (!message.startsWith(PREFIX) || message.length() == PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(
                Arrays.stream(message.substring(PREFIX.length()).split(",")).collect(Collectors.toUnmodifiableSet()));
    }
}
