package org.queuejob.domain.model.autovacuum;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * A run's walk over its candidates: segment by segment (state, then channel), in each newest first, one page of
 * {@code pageSize} read at a time by keyset (after the last job handed out, never by offset). {@link #position()}
 * is the last job handed out; a walk created with it continues right after it, skipping the segments before it. So
 * a restarted run neither hands out a job twice nor skips one, and at most one page is ever held.
 */
public final class HistoryWalk {

    private final JobHistory history;
    private final List<HistorySegment> segments;
    private final int pageSize;
    private final Deque<HistoryCandidate> page = new ArrayDeque<>();

    private int segment;
    private boolean segmentExhausted;
    private HistoryPosition position;

    /**
     * @param resumeAfter the position of an earlier walk over the same run, or null to start at the beginning
     */
    public HistoryWalk(JobHistory history, List<HistorySegment> segments, HistoryPosition resumeAfter, int pageSize) {
        this.history = Objects.requireNonNull(history, "The job history is required.");
        if (pageSize < 1) {
            throw new IllegalArgumentException("A page holds at least one job, got " + pageSize);
        }
        List<HistorySegment> ordered = new ArrayList<>(segments);
        ordered.sort(HistorySegment.ORDER);
        this.segments = List.copyOf(ordered);
        this.pageSize = pageSize;
        this.position = resumeAfter;
        if (resumeAfter != null) {
            while (segment < this.segments.size() && this.segments.get(segment).compareTo(resumeAfter) < 0) {
                segment++;
            }
        }
    }

    /** The next candidate, or null when every segment has been walked. */
    public HistoryCandidate next() {
        while (page.isEmpty()) {
            if (segment >= segments.size()) {
                return null;
            }
            if (segmentExhausted) {
                segment++;
                segmentExhausted = false;
                continue;
            }
            HistorySegment current = segments.get(segment);
            HistoryPosition after = position != null && position.isIn(current) ? position : null;
            List<HistoryCandidate> found = history.candidates(current, after, pageSize);
            page.addAll(found);
            segmentExhausted = found.size() < pageSize;
        }
        HistoryCandidate next = page.poll();
        position = next.position();
        return next;
    }

    /** The last candidate handed out (the checkpoint), or the one this walk resumed after; null before any. */
    public HistoryPosition position() {
        return position;
    }
}
