package org.queuejob.application;

import java.io.Serializable;

/**
 * One channel as the back office shows it: its settings (from its record; {@code configured} false for a channel
 * that only has jobs) and the live counts of its own jobs, read from the database so that every server sharing it
 * shows the same. Running counts enqueued and started jobs (a running job shows as enqueued until it ends).
 *
 * @param capacity null when unlimited
 * @param removalIntervalDays the interval the autovacuum applies to the channel: its own, or for a channel without a
 *     record its nearest configured ancestor's ({@code RemovalIntervals})
 * @param removalIntervalFrom the complete name of the channel whose record sets that interval (this one's when it has
 *     a record); null when none does and the default applies
 */
public record ChannelView(
        String completeName,
        boolean configured,
        Integer capacity,
        boolean sequential,
        int throttleSeconds,
        boolean paused,
        int removalIntervalDays,
        String removalIntervalFrom,
        long waiting,
        long running,
        long failed)
        implements Serializable {

    /** The last segment of the name ({@code mail} for {@code root.mail}). */
    public String name() {
        int dot = completeName.lastIndexOf('.');
        return dot < 0 ? completeName : completeName.substring(dot + 1);
    }

    /** Whether the removal interval is another channel's (or the default), the channel having no record of its own. */
    public boolean removalIntervalInherited() {
        return !completeName.equals(removalIntervalFrom);
    }

    /** The parent's complete name; null for root. */
    public String parentName() {
        int dot = completeName.lastIndexOf('.');
        return dot < 0 ? null : completeName.substring(0, dot);
    }
}
