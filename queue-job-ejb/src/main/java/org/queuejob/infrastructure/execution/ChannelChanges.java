package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.domain.model.channel.Channel;
import org.queuejob.domain.model.channel.ChannelRepository;
import org.queuejob.domain.model.channel.ChannelsChanged;
import org.queuejob.domain.scheduling.ChannelTree;
import org.queuejob.infrastructure.cluster.LeaderLock;
import org.queuejob.infrastructure.cluster.Notifications;

/**
 * Channel settings as the runtime uses them: read from their records, applied by the leader's {@link Dispatcher}
 * when they change on any server, and kept by a follower for passing slots on ({@link SlotPassing}).
 */
@ApplicationScoped
public class ChannelChanges {

    private static final Logger LOG = Logger.getLogger(ChannelChanges.class.getName());

    /** Holds the channel settings a transaction leaves, for the leader to apply when it commits. */
    private static final Object CHANNELS_AFTER_COMMIT = new Object();

    @Inject
    ChannelRepository channelRecords;

    @Inject
    Dispatcher dispatcher;

    @Inject
    DispatchPasses passes;

    @Inject
    SlotPassing slotPassing;

    @Inject
    LeaderLock leader;

    @Inject
    ServerMessages messages;

    @Inject
    AfterCommit afterCommit;

    @Inject
    QueueThreads threads;

    /** The channel settings as their records say now. */
    ChannelTree read() {
        return new ChannelTree(channelRecords.all().stream().map(Channel::spec).toList());
    }

    /**
     * Channel settings change in the current transaction. On the leader they apply when it commits, on the committing
     * thread: before the call that made the change returns (a pause holds from then on: no job of the channel is
     * handed out after it, jobs enqueued right after included). The settings are read here, inside the transaction
     * that changes them, since after completion no transaction can be started to read them.
     */
    void onChannelsChanging(@Observes ChannelsChanged event) {
        if (!threads.isActive() || !leader.isLeader()) {
            return;
        }
        ChannelTree tree = read();
        AtomicReference<ChannelTree> latest = afterCommit.gathered(
                CHANNELS_AFTER_COMMIT, AtomicReference<ChannelTree>::new, committed -> apply(committed.get()));
        if (latest == null) {
            apply(tree);
        } else {
            latest.set(tree); // a later change of the same transaction: its settings include the earlier ones
        }
    }

    /**
     * Channel settings changed here and committed: a follower tells the leader, which applies them within
     * milliseconds; the leader (which applied them at the commit) reads them again, for changes other servers
     * committed meanwhile.
     */
    void onChannelsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChannelsChanged event) {
        if (!threads.isActive()) {
            return;
        }
        if (leader.isLeader()) {
            threads.runQuietly(this::applyNow);
        } else {
            threads.runQuietly(() -> {
                messages.tellOthers(Notifications.CHANNELS);
                refreshSlotPassing();
            });
        }
    }

    /**
     * Applies channel settings read by the caller, now, between two dispatch passes. Memory only (it may run after
     * a commit): a leadership that began since is started by the next pass or poll, which applies them too.
     */
    private void apply(ChannelTree tree) {
        try {
            passes.between(() -> {
                if (threads.isActive() && leader.isLeader()) {
                    dispatcher.reconfigure(tree);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Channel settings not applied now; the poll applies them", e);
        }
        passes.wake();
    }

    /** The leader reads the settings and applies them, between two dispatch passes. */
    void applyNow() {
        try {
            passes.between(() -> {
                if (passes.leadsNow()) {
                    dispatcher.reconfigure(read());
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Channel settings not applied now; the poll applies them", e);
        }
        passes.wake();
    }

    /**
     * A follower's channel settings for passing slots on: read when it starts, when a server says they changed and
     * when its listener is back after a loss; never in the poll, whose read during a database outage (EclipseLink's
     * retries) held up the poll's next try for the leader lock: a ClusterIT run had no leader for 4.4 s after a
     * restart. The statement that passes a slot checks pause, sequence and throttle in the records itself.
     */
    void refreshSlotPassing() {
        try {
            slotPassing.channels(read());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Channel settings for passing slots on not read now", e);
        }
    }
}
