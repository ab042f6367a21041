package org.queuejob.domain.model.channel;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long the done and cancelled jobs of each channel are kept: the interval of the channel's own record, else its
 * nearest configured ancestor's ({@code root.mail.eu} takes that of {@code root.mail}), and root without a record the
 * default of {@value Channel#DEFAULT_REMOVAL_INTERVAL_DAYS} days. The one statement of that rule: the autovacuum
 * deletes by it, the Channels screen and the API show it for a channel without a record, and such a channel's first
 * record starts from it, so that what is shown, what is stored first and what is deleted agree (the screen showed 30
 * days and a first save stored them while the autovacuum kept the jobs for the parent's 365).
 */
public final class RemovalIntervals {

    private static final String ROOT = "root";

    private final Map<String, Integer> ownDays;

    /** @param ownDays the removal interval of each channel with a record (complete name → days) */
    public RemovalIntervals(Map<String, Integer> ownDays) {
        this.ownDays = new HashMap<>(Objects.requireNonNull(ownDays, "Removal intervals are required."));
    }

    /** The intervals of {@code records}, the channels that have one of their own. */
    public static RemovalIntervals of(Collection<Channel> records) {
        Map<String, Integer> days = new HashMap<>();
        for (Channel record : records) {
            days.put(record.completeName(), record.removalIntervalDays());
        }
        return new RemovalIntervals(days);
    }

    /** The interval that applies to {@code channel}: its own, else its nearest configured ancestor's. */
    public RemovalInterval forChannel(String channel) {
        for (String name = channel; name != null; name = parentOf(name)) {
            Integer days = ownDays.get(name);
            if (days != null) {
                return new RemovalInterval(days, name);
            }
        }
        // A name outside root's tree still falls under root, whose record is the last resort.
        Integer rootDays = ownDays.get(ROOT);
        return rootDays != null
                ? new RemovalInterval(rootDays, ROOT)
                : new RemovalInterval(Channel.DEFAULT_REMOVAL_INTERVAL_DAYS, null);
    }

    private static String parentOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(0, dot);
    }

    /**
     * An interval and where it comes from.
     *
     * @param from the complete name of the channel whose record sets it (the channel itself when it has a record);
     *     null when no record does and the default applies
     */
    public record RemovalInterval(int days, String from) {}
}
