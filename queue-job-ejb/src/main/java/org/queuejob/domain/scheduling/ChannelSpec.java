package org.queuejob.domain.scheduling;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The configuration of one channel.
 *
 * @param fullName        dot path from root, e.g. {@code root.mail.bulk}
 * @param capacity        how many jobs of this channel and its sub-channels may run at once; empty = unlimited.
 *                        {@code 0} on a sub-channel is normalised to unlimited (as the original, Q7);
 *                        {@code 0} on root disables dispatching
 * @param sequential      jobs run one at a time in strict (priority, date created, id) order, and a failed job
 *                        blocks the channel until it is resolved; requires a capacity of exactly 1
 * @param throttleSeconds after a job starts through this channel, no other starts through it for this long
 * @param paused          nothing new starts in this channel or its sub-channels; running jobs are not affected
 */
public record ChannelSpec(
        String fullName, OptionalInt capacity, boolean sequential, int throttleSeconds, boolean paused) {

    public static final String ROOT = ChannelNames.ROOT;

    /** Largest capacity a channel takes, from the configuration, the back office or the API: more than any server runs. */
    public static final int MAX_CAPACITY = 100_000;

    /** Longest throttle a channel takes: a day between two starts. */
    public static final int MAX_THROTTLE_SECONDS = 86_400;

    public ChannelSpec {
        Objects.requireNonNull(fullName, "channel full name is required");
        Objects.requireNonNull(capacity, "capacity is required (OptionalInt.empty() for unlimited)");
        String problem = ChannelNames.problemWith(fullName);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (capacity.isPresent() && capacity.getAsInt() < 0) {
            throw new IllegalArgumentException("capacity of " + fullName + " must not be negative");
        }
        boolean root = ROOT.equals(fullName);
        if (!root && capacity.isPresent() && capacity.getAsInt() == 0) {
            capacity = OptionalInt.empty();
        }
        // Root bounds every dispatch round (and the demand sent to the database), so it must be finite.
        if (root && capacity.isEmpty()) {
            throw new IllegalArgumentException("the root channel needs a finite capacity (0 disables dispatching)");
        }
        if (sequential && (capacity.isEmpty() || capacity.getAsInt() != 1)) {
            throw new IllegalArgumentException("sequential channel " + fullName + " must have a capacity of 1");
        }
        if (throttleSeconds < 0) {
            throw new IllegalArgumentException("throttle of " + fullName + " must not be negative");
        }
    }

    /** A plain channel with the given capacity (0 = unlimited, except on root), not sequential, not throttled. */
    public static ChannelSpec of(String fullName, int capacity) {
        return new ChannelSpec(fullName, OptionalInt.of(capacity), false, 0, false);
    }

    /** An unlimited channel: what intermediate channels of a configured path get. */
    public static ChannelSpec unlimited(String fullName) {
        return new ChannelSpec(fullName, OptionalInt.empty(), false, 0, false);
    }

    public ChannelSpec withPaused(boolean newPaused) {
        return new ChannelSpec(fullName, capacity, sequential, throttleSeconds, newPaused);
    }

    public boolean isRoot() {
        return ROOT.equals(fullName);
    }

    public boolean isUnlimited() {
        return capacity.isEmpty();
    }

    /** Empty for root. */
    public Optional<String> parentName() {
        return Optional.ofNullable(ChannelNames.parentOf(fullName));
    }
}
