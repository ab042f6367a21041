package org.queuejob.domain.model.autovacuum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.job.JobState;

class HistoryWalkTest {

    private static final Instant DEADLINE = Instant.parse("2026-03-01T00:00:00Z");

    /** Jobs as the index holds them; a page is what the keyset query would return. */
    private final InMemoryHistory history = new InMemoryHistory();

    @Test
    void walksEverySegmentNewestFirst_readingOnePageAtATime() {
        history.add(JobState.DONE, "root.b", 5);
        history.add(JobState.DONE, "root.a", 7);
        history.add(JobState.CANCELLED, "root.a", 3);

        HistoryWalk walk = new HistoryWalk(history, segments("root.a", "root.b"), null, 2);
        List<HistoryCandidate> walked = drain(walk);

        assertThat(walked).hasSize(15);
        assertThat(walked).extracting(HistoryCandidate::channel).startsWith("root.a", "root.a");
        assertThat(walked.subList(0, 7))
                .isSortedAccordingTo(
                        Comparator.comparing(HistoryCandidate::dateCreated).reversed());
        assertThat(history.largestPage).isEqualTo(2);
    }

    @Test
    void walkResumedFromAPositionHandsOutExactlyWhatCameAfterIt() {
        history.add(JobState.DONE, "root.a", 7);
        history.add(JobState.DONE, "root.b", 5);
        history.add(JobState.CANCELLED, "root.a", 4);
        List<HistoryCandidate> all = drain(new HistoryWalk(history, segments("root.a", "root.b"), null, 3));

        for (int stoppedAfter = 0; stoppedAfter < all.size(); stoppedAfter++) {
            HistoryPosition checkpoint = all.get(stoppedAfter).position();
            List<HistoryCandidate> rest = drain(new HistoryWalk(history, segments("root.a", "root.b"), checkpoint, 3));

            assertThat(rest).as("after " + stoppedAfter).isEqualTo(all.subList(stoppedAfter + 1, all.size()));
        }
    }

    @Test
    void walkResumedInASegmentThatIsGoneContinuesWithTheNextOne() {
        history.add(JobState.DONE, "root.c", 2);
        HistoryPosition inGoneSegment = new HistoryPosition(JobState.DONE, "root.b", DEADLINE, 42);

        List<HistoryCandidate> rest = drain(new HistoryWalk(history, segments("root.c"), inGoneSegment, 10));

        assertThat(rest).extracting(HistoryCandidate::channel).containsExactly("root.c", "root.c");
    }

    @Test
    void positionIsTheLastCandidateHandedOut() {
        history.add(JobState.DONE, "root.a", 3);
        HistoryWalk walk = new HistoryWalk(history, segments("root.a"), null, 10);

        HistoryCandidate first = walk.next();

        assertThat(walk.position()).isEqualTo(first.position());
    }

    private static List<HistorySegment> segments(String... channels) {
        List<HistorySegment> segments = new ArrayList<>();
        for (String channel : channels) {
            segments.add(new HistorySegment(JobState.DONE, channel, DEADLINE));
            segments.add(new HistorySegment(JobState.CANCELLED, channel, DEADLINE));
        }
        return segments;
    }

    private static List<HistoryCandidate> drain(HistoryWalk walk) {
        List<HistoryCandidate> walked = new ArrayList<>();
        for (HistoryCandidate next = walk.next(); next != null; next = walk.next()) {
            walked.add(next);
        }
        return walked;
    }

    private static final class InMemoryHistory implements JobHistory {

        private final List<HistoryCandidate> jobs = new ArrayList<>();
        private long nextId = 1;
        int largestPage;

        void add(JobState state, String channel, int count) {
            for (int i = 0; i < count; i++) {
                // Some share a creation date, so that the id decides between them.
                jobs.add(new HistoryCandidate(
                        nextId++, null, state, channel, DEADLINE.minusSeconds(10 + (nextId % 3) * 60 + i / 2)));
            }
        }

        @Override
        public List<String> channelsWith(JobState state) {
            return jobs.stream()
                    .filter(job -> job.state() == state)
                    .map(HistoryCandidate::channel)
                    .distinct()
                    .sorted()
                    .toList();
        }

        @Override
        public List<HistoryCandidate> candidates(HistorySegment segment, HistoryPosition after, int limit) {
            List<HistoryCandidate> page = jobs.stream()
                    .filter(job ->
                            job.state() == segment.state() && job.channel().equals(segment.channel()))
                    .filter(job -> after == null || isBefore(job, after))
                    .sorted(Comparator.comparing(HistoryCandidate::dateCreated)
                            .thenComparing(HistoryCandidate::id)
                            .reversed())
                    .limit(limit)
                    .toList();
            largestPage = Math.max(largestPage, page.size());
            return page;
        }

        /** (date_created, id) < (after.dateCreated, after.id), as the SQL row comparison. */
        private static boolean isBefore(HistoryCandidate job, HistoryPosition after) {
            int byDate = job.dateCreated().compareTo(after.dateCreated());
            return byDate < 0 || (byDate == 0 && job.id() < after.id());
        }

        @Override
        public int deleteAlone(Collection<Long> ids, Map<String, Instant> deadlines) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int deleteWholeGraphs(Collection<UUID> graphs, Map<String, Instant> deadlines) {
            throw new UnsupportedOperationException();
        }
    }
}
