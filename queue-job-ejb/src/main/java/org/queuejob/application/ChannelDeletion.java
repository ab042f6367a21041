package org.queuejob.application;

import java.io.Serializable;
import java.util.List;
import org.queuejob.domain.scheduling.ChannelSpec;

/**
 * What deleting a channel's record does ({@link ChannelService#deletion}, said before it is confirmed) or did
 * ({@link ChannelService#delete}). A channel that {@code queue-job.channels} declares keeps a record, since every
 * start would create it again from the string: a delete puts back what such a start gives it, {@code configured}'s
 * settings, no pause, and the removal interval it inherits. Any other channel's record goes, and its jobs run under
 * {@code runsUnder}, its nearest configured ancestor, as any channel's without settings do.
 *
 * @param configured the settings the configuration string gives the channel (those of its entry, or unlimited for one
 *     it only implies); null when it does not declare it
 * @param named whether the string has an entry of its own for the channel (not only implied by one below it)
 * @param runsUnder the channel that schedules its jobs afterwards: itself when it keeps a record
 * @param removalDays the removal interval afterwards: the one it inherits from {@code removalFrom}
 * @param removalFrom the channel whose record sets that interval; null for the default
 * @param removalDaysBefore the channel's own interval before
 * @param pausedBefore whether the channel is paused before: the pause goes with the record, or is lifted by a reset
 * @param subChannels the channels below it with records of their own, which keep them
 * @param waiting its own jobs waiting, as the overview counts them
 */
public record ChannelDeletion(
        String completeName,
        Outcome outcome,
        ChannelSpec configured,
        boolean named,
        String runsUnder,
        int removalDays,
        String removalFrom,
        int removalDaysBefore,
        boolean pausedBefore,
        List<String> subChannels,
        long waiting,
        long running,
        long failed)
        implements Serializable {

    /** What happens to the record. */
    public enum Outcome {
        /** The record is deleted; the channel's jobs run under its nearest configured ancestor. */
        DELETED,
        /** Declared by the configuration string: the record takes the settings a start would give it a new one. */
        RESET_TO_CONFIGURATION,
        /** Declared by the configuration string, and its record has those settings already: nothing changes. */
        UNCHANGED
    }

    public ChannelDeletion {
        subChannels = List.copyOf(subChannels);
    }

    /** Whether the configuration string declares the channel (its record stays). */
    public boolean declared() {
        return configured != null;
    }
}
