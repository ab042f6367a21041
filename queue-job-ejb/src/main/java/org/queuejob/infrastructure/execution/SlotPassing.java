package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.domain.scheduling.ChannelSpec;
import org.queuejob.domain.scheduling.ChannelTree;
import org.queuejob.infrastructure.cluster.ClusterMembership;
import org.queuejob.infrastructure.cluster.LeaderLock;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.persistence.QueueStore.SlotPass;

/**
 * A server that does not lead passes a channel slot the leader gave it on to the next job of the same channel itself,
 * in the done mark of the job that held it ({@link org.queuejob.infrastructure.persistence.QueueStore#completePassingSlot}),
 * for a while after the leader handed the slot over (the lease). Without it, each of a follower's jobs ended with two
 * messages before the next could start (the follower's "ended" to the leader, the leader's dispatch back), about
 * 4.5 ms per job more than on the leader in {@code ClusterIT}: two servers ran 0.87–0.94× as fast as one on the
 * same capacity. The leader counts the next job in the slot it already counted, when the "ended" message says so
 * ({@link org.queuejob.infrastructure.cluster.EndedJob}); capacities never see two jobs in one slot.
 *
 * <p>What stays the leader's: a slot of a channel that is paused, sequential or throttled (the statement checks the
 * records, so a pause holds from its commit), a failed job's slot, and every slot once its lease has run out. So a
 * lowered capacity, a job of higher priority in another channel, or another server's fair share wait at most the
 * lease. The leader's own slots need none of this: its freed slots are seen at once, without a message. A quiet
 * server passes nothing on: it takes no new jobs, by the leader's hand or its own.
 */
@ApplicationScoped
public class SlotPassing {

    @Inject
    LeaderLock leader;

    @Inject
    ClusterMembership membership;

    @Inject
    @QueueJobClock
    Clock clock;

    /** When each held job's slot goes back to the leader: the lease of the hand-over its chain began with. */
    private final Map<Long, Instant> leaseEnds = new ConcurrentHashMap<>();

    private final LongAdder passed = new LongAdder();

    private volatile Duration lease = Duration.ZERO;
    private volatile List<String> functions = List.of();
    private volatile ChannelTree tree;

    /** How long a slot the leader hands over may be passed on here; zero gives every slot back to the leader. */
    void configure(Duration lease, Collection<String> functionNames) {
        this.lease = lease;
        this.functions = List.copyOf(functionNames);
    }

    /** The channel settings, as this server last read them. */
    void channels(ChannelTree current) {
        this.tree = current;
    }

    /** The leader handed these jobs to this server: their leases start now. */
    void handedOver(Collection<ClaimedJob> jobs) {
        if (lease.isZero()) {
            return;
        }
        Instant end = clock.instant().plus(lease);
        jobs.forEach(job -> leaseEnds.put(job.id(), end));
    }

    /**
     * Where {@code job}'s slot may go when it is done, if anywhere: only on a server that does not lead and is not
     * quiet, within the lease of the slot, and through a channel with no pause, sequence or throttle on its path as
     * read here (the statement checks the records again).
     */
    Optional<SlotPass> passFor(ClaimedJob job) {
        Instant end = leaseEnds.get(job.id());
        ChannelTree channels = tree;
        if (end == null
                || channels == null
                || leader.isLeader()
                || membership.quiet()
                || !clock.instant().isBefore(end)) {
            return Optional.empty();
        }
        String channel = channels.resolve(job.channel());
        List<String> path = new ArrayList<>();
        for (Optional<String> name = Optional.of(channel); name.isPresent(); ) {
            ChannelSpec spec = channels.specFor(name.get());
            if (spec.paused() || spec.sequential() || spec.throttleSeconds() > 0) {
                return Optional.empty();
            }
            path.add(spec.fullName());
            name = spec.parentName();
        }
        return Optional.of(new SlotPass(channel, channels.children(channel), path, functions));
    }

    /** {@code next} took {@code job}'s slot: it keeps the lease the slot had. */
    void passed(ClaimedJob job, ClaimedJob next) {
        Instant end = leaseEnds.get(job.id());
        if (end != null) {
            leaseEnds.put(next.id(), end);
        }
        passed.increment();
    }

    /** The job left this server: its lease is forgotten. */
    void ended(ClaimedJob job) {
        leaseEnds.remove(job.id());
    }

    /** Slots passed on here since this server started. */
    public long passedCount() {
        return passed.sum();
    }
}
