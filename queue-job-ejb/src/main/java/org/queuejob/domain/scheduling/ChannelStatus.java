package org.queuejob.domain.scheduling;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A read-only view of one channel for screens and logs, taken by {@link ChannelScheduler#snapshot()}.
 *
 * @param name            channel full name
 * @param capacity        empty = unlimited
 * @param running         jobs running in this channel and its sub-channels
 * @param failed          failed jobs blocking this sequential channel
 * @param sequential      see {@link ChannelSpec#sequential()}
 * @param throttleSeconds see {@link ChannelSpec#throttleSeconds()}
 * @param throttledUntil  end of the current throttle pause, null if none; may lie in the past
 * @param paused          paused itself
 * @param pausedByParent  an ancestor is paused, so this channel starts nothing either
 */
public record ChannelStatus(
        String name,
        OptionalInt capacity,
        int running,
        int failed,
        boolean sequential,
        int throttleSeconds,
        Instant throttledUntil,
        boolean paused,
        boolean pausedByParent) {

    public ChannelStatus {
        Objects.requireNonNull(name, "channel name is required");
        Objects.requireNonNull(capacity, "capacity is required");
    }

    /** {@code root.sub(C:4,R:2)}, as the original's channel string, plus only the flags that are set. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name)
                .append("(C:")
                .append(capacity.isPresent() ? String.valueOf(capacity.getAsInt()) : "∞")
                .append(",R:")
                .append(running);
        if (sequential) {
            s.append(",sequential,F:").append(failed);
        }
        if (throttleSeconds > 0) {
            s.append(",throttle:").append(throttleSeconds).append('s');
        }
        if (paused || pausedByParent) {
            s.append(paused ? ",paused" : ",paused by parent");
        }
        return s.append(')').toString();
    }
}
