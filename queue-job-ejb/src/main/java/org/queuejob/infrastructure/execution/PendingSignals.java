package org.queuejob.infrastructure.execution;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the dispatcher knows of jobs that may have become pending since it last read a channel, so that it reads only
 * the channels that may have something new. A signal is either anywhere (a rescue, a release, an eta come due, the
 * poll, a message that does not say where) or in one configured channel (a commit that stored jobs knows their
 * channels): storing a job in one channel does not make every other channel with room read its empty head again,
 * one statement per channel and commit.
 *
 * <p>A channel whose read found everything it could start is drained as of its signal taken before that read; it is
 * read again once its signal has moved. Signals only grow, and a channel's is the sum of the two counts, so any
 * signal given after the one taken makes them differ, and a job committed before it was given is seen by the read.
 */
final class PendingSignals {

    private final AtomicLong anywhere = new AtomicLong();
    private final Map<String, AtomicLong> inChannel = new ConcurrentHashMap<>();
    private final Map<String, Long> drainedAt = new ConcurrentHashMap<>();

    /** Jobs may have become pending in any channel. */
    void anywhere() {
        anywhere.incrementAndGet();
    }

    /** Jobs may have become pending among those {@code configuredChannel} schedules. */
    void in(String configuredChannel) {
        inChannel.computeIfAbsent(configuredChannel, name -> new AtomicLong()).incrementAndGet();
    }

    /** The channel's signal now: taken before reading it, given back to {@link #drained} after. */
    long of(String configuredChannel) {
        AtomicLong own = inChannel.get(configuredChannel);
        return anywhere.get() + (own == null ? 0 : own.get());
    }

    /** Whether the channel was drained and nothing was signalled for it since. */
    boolean isDrained(String configuredChannel) {
        Long drained = drainedAt.get(configuredChannel);
        return drained != null && drained == of(configuredChannel);
    }

    /** The channel's read, made at {@code signal}, left nothing in it that it could start. */
    void drained(String configuredChannel, long signal) {
        drainedAt.put(configuredChannel, signal);
    }

    /** The channel's read left jobs it could start: the next pass reads it whatever is signalled. */
    void notDrained(String configuredChannel) {
        drainedAt.remove(configuredChannel);
    }
}
