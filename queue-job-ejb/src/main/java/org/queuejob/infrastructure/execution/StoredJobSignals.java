package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.queuejob.domain.model.job.JobEnqueued;
import org.queuejob.infrastructure.cluster.LeaderLock;
import org.queuejob.infrastructure.execution.HeadCursors.HeadKey;

/**
 * Jobs stored anywhere on this server wake the dispatcher once their transaction commits: one wake-up per
 * transaction however many jobs it stored, and only the channels that schedule them are read again (the next eta
 * only if one of them has an eta). A follower tells the leader which channels they were stored in.
 */
@ApplicationScoped
public class StoredJobSignals {

    /** What a transaction stored ({@link StoredJobs}), for the one wake-up it gives when it commits. */
    private static final Object JOBS_STORED = new Object();

    @Inject
    LeaderLock leader;

    @Inject
    Dispatcher dispatcher;

    @Inject
    DispatchPasses passes;

    @Inject
    ServerMessages messages;

    @Inject
    AfterCommit afterCommit;

    @Inject
    QueueThreads threads;

    /** Jobs became runnable in the current transaction: dispatch once it commits, or now without a transaction. */
    void onJobEnqueued(@Observes JobEnqueued event) {
        if (!threads.isActive()) {
            return;
        }
        StoredJobs stored = afterCommit.gathered(JOBS_STORED, StoredJobs::new, this::stored);
        if (stored == null) {
            StoredJobs now = new StoredJobs();
            now.add(event);
            stored(now);
        } else {
            stored.add(event);
        }
    }

    /** After the commit (see {@link AfterCommit}): the message to the leader goes from the queue's executor. */
    private void stored(StoredJobs stored) {
        if (leader.isLeader()) {
            // After the commit, not when the job was stored: a pass in between would not see it, and could move its
            // channel's read position past it (HeadCursors).
            stored.earliest.forEach(
                    (channel, place) -> dispatcher.pendingFrom(channel, place.priority(), place.created()));
            dispatcher.pendingIn(stored.earliest.keySet(), stored.withEta);
            passes.wake();
        } else {
            messages.enqueuedIn(stored.earliest.keySet());
        }
    }

    /** What a transaction stored, as far as the dispatcher cares: the jobs' channels, and whether any has an eta. */
    private static final class StoredJobs {
        /** Per channel the jobs were stored in, the first place in dispatch order one took (HeadCursors' order). */
        private final Map<String, HeadKey> earliest = new HashMap<>();

        private boolean withEta;

        void add(JobEnqueued job) {
            withEta |= job.eta() != null;
            HeadKey place = new HeadKey(job.priority(), job.dateCreated(), Long.MIN_VALUE);
            earliest.merge(job.channel(), place, (first, other) -> other.compareTo(first) < 0 ? other : first);
        }
    }
}
