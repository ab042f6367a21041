package org.queuejob.domain.scheduling;

import java.util.Objects;

/**
 * A job channel that no configuration entry and no channel record declares, and the declared channel that schedules
 * its jobs instead, its nearest declared ancestor ({@link ChannelTree#undeclared}): {@code root.mial} runs under
 * root when {@code root.mail} was meant. Legal and documented, but a typo looks exactly the same, so it is worth a
 * word to whoever runs the queue.
 *
 * @param channel the complete name the jobs carry
 * @param runsUnder the declared channel whose capacity its jobs share
 */
public record UndeclaredChannel(String channel, String runsUnder) {

    public UndeclaredChannel {
        Objects.requireNonNull(channel, "channel is required");
        Objects.requireNonNull(runsUnder, "the channel it runs under is required");
    }
}
