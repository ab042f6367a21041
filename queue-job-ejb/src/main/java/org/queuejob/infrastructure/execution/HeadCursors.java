package org.queuejob.infrastructure.execution;

import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.queuejob.domain.scheduling.CandidateJob;

/**
 * Per configured channel, the dispatch-order position up to which every pending job read has been handed out: the
 * leader's next read of that channel starts after it, instead of walking again over the index entries of jobs handed
 * out since the last vacuum (on a busy queue, most of a scan's cost).
 *
 * <p>A position is forgotten when a job may have become pending before it <em>in that channel</em>: a job that
 * becomes pending in another configured channel, a paused one say, is never read by this channel's reads, so it does
 * not send them back to their start. Forgetting every channel's position for each such job made each read of a busy
 * channel walk over every job waiting in its paused subchannels that sorts before its own (run AB, 2026-12-03: a bulk
 * requeue into a paused channel, one job event after another, took the burn-down beside it down to 0.71–0.86 of its
 * pace). Marks come from any thread (a committing transaction's); the dispatch thread applies them at the start of a
 * pass, and alone reads and moves the positions.
 */
final class HeadCursors {

    private final Map<String, HeadKey> positions = new ConcurrentHashMap<>();
    /** Per channel, the earliest place a job became pending at since the last pass started. */
    private final Map<String, HeadKey> marks = new ConcurrentHashMap<>();

    private volatile boolean allStale;

    /** Every channel reads from its start at the next pass (jobs became pending whose place is not known). */
    void forgetAll() {
        allStale = true;
    }

    /**
     * A job became pending (committed) in configured channel {@code channel} at {@code priority} and {@code created}:
     * if that sorts at or before where the channel's reads resume when the next pass starts, they start from the
     * channel's start again (a new job normally sorts after: created later).
     *
     * <p>Compared at the start of that pass, not now: a pass running now may not have seen the job, and yet move the
     * position past its place by handing out the jobs after it. Compared now, the job was left behind the position
     * until something made every channel read from its start (the API's enqueue waited over a minute so, in
     * {@code ApiIT}, while the demo's sample jobs kept the same channel busy).
     */
    void pendingAt(String channel, int priority, Instant created) {
        HeadKey place = new HeadKey(priority, created, Long.MIN_VALUE);
        marks.merge(channel, place, (earlier, later) -> earlier.compareTo(later) <= 0 ? earlier : later);
    }

    /** At the start of a dispatch pass: the positions marked since the last one, at or after a mark, are forgotten. */
    void startPass() {
        if (allStale) {
            allStale = false;
            marks.clear();
            positions.clear();
            return;
        }
        for (Iterator<String> marked = marks.keySet().iterator(); marked.hasNext(); ) {
            String channel = marked.next();
            HeadKey place = marks.remove(channel);
            HeadKey position = positions.get(channel);
            if (place != null && position != null && place.compareTo(position) <= 0) {
                positions.remove(channel);
            }
        }
    }

    /** Where {@code channel}'s next read resumes; empty: from its start. */
    Optional<HeadKey> after(String channel) {
        return Optional.ofNullable(positions.get(channel));
    }

    /** Every job of {@code channel} up to {@code last} (included) was handed out. */
    void handedOutUpTo(String channel, CandidateJob last) {
        positions.put(channel, HeadKey.of(last));
    }

    /** A head's place in dispatch order: priority, creation date, id, as the dispatch index sorts them. */
    record HeadKey(int priority, Instant created, long id) implements Comparable<HeadKey> {

        private static final Comparator<HeadKey> ORDER = Comparator.comparingInt(HeadKey::priority)
                .thenComparing(HeadKey::created)
                .thenComparingLong(HeadKey::id);

        static HeadKey of(CandidateJob job) {
            return new HeadKey(job.priority(), job.dateCreated(), job.id());
        }

        CandidateJob asCandidate() {
            return new CandidateJob(id, "root", priority, created, null);
        }

        @Override
        public int compareTo(HeadKey other) {
            return ORDER.compare(this, other);
        }
    }
}
