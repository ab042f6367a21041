package org.queuejob.domain.scheduling;

import java.util.Objects;

/**
 * How many waiting jobs the dispatcher should read for one configured channel before calling
 * {@link ChannelScheduler#select}: the channel's own jobs (see {@link ChannelTree#children}), in
 * {@link CandidateJob#DISPATCH_ORDER}, at most {@code limit} of them, because no more could start now.
 *
 * @param channel          configured channel full name
 * @param limit            at least 1
 * @param includeFutureEta read heads whatever their eta (a sequential channel needs to see a head that is not due
 *                         yet, because it must wait for it rather than overtake it); otherwise read due jobs only
 */
public record Demand(String channel, int limit, boolean includeFutureEta) {

    public Demand {
        Objects.requireNonNull(channel, "channel is required");
        if (limit < 1) {
            throw new IllegalArgumentException("a demand limit is at least 1");
        }
    }
}
