package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.scheduling.CandidateJob;

class HeadCursorsTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private final HeadCursors cursors = new HeadCursors();

    @BeforeEach
    void bothChannelsHandedOutUpToTheirTenthJob() {
        cursors.handedOutUpTo("root", new CandidateJob(10, "root", 10, T0.plusSeconds(10), null));
        cursors.handedOutUpTo("root.mail", new CandidateJob(110, "root.mail", 10, T0.plusSeconds(10), null));
        cursors.startPass();
    }

    @Test
    void readsResumeAfterTheLastJobHandedOut() {
        assertThat(cursors.after("root")).contains(new HeadCursors.HeadKey(10, T0.plusSeconds(10), 10));
        assertThat(cursors.after("root.other")).isEmpty();
    }

    @Test
    void aJobPendingBeforeAChannelsPositionSendsOnlyThatChannelBackToItsStart() {
        // Older than both positions, but in root.mail (a paused channel, say): root's reads never see it.
        cursors.pendingAt("root.mail", 10, T0);
        assertThat(cursors.after("root.mail")).isPresent(); // until the next pass starts
        cursors.startPass();

        assertThat(cursors.after("root.mail")).isEmpty();
        assertThat(cursors.after("root")).contains(new HeadCursors.HeadKey(10, T0.plusSeconds(10), 10));
    }

    @Test
    void aJobPendingAfterTheChannelsPositionLeavesItWhereItIs() {
        cursors.pendingAt("root", 10, T0.plusSeconds(11));
        cursors.pendingAt("root", 20, T0); // a lower priority sorts after, however old
        cursors.startPass();

        assertThat(cursors.after("root")).isPresent();
    }

    /**
     * A pass that started before the job committed does not see it, and may hand out the jobs after its place: the
     * position then moves past it. Compared when it committed (it sorted after the position then), the job was left
     * behind for good.
     */
    @Test
    void aJobThatCommitsWhileAPassMovesThePositionPastIt_isReadAtTheNextPass() {
        cursors.startPass(); // a pass reads root after its tenth job; the new job is not committed yet
        cursors.pendingAt("root", 10, T0.plusSeconds(20)); // it commits: after the position, as it stands now
        cursors.handedOutUpTo("root", new CandidateJob(30, "root", 10, T0.plusSeconds(30), null)); // the pass ends
        cursors.startPass();

        assertThat(cursors.after("root")).isEmpty();
    }

    @Test
    void aJobCreatedAtTheSameInstantAsThePositionSendsTheChannelBack() {
        // Its id is not known: at the same priority and instant it may sort before the last job handed out.
        cursors.pendingAt("root", 10, T0.plusSeconds(10));
        cursors.startPass();

        assertThat(cursors.after("root")).isEmpty();
    }

    @Test
    void aHigherPriorityJobSendsTheChannelBackHoweverNew() {
        cursors.pendingAt("root", 5, T0.plusSeconds(3600));
        cursors.startPass();

        assertThat(cursors.after("root")).isEmpty();
    }

    @Test
    void jobsWhosePlaceIsNotKnownSendEveryChannelBack() {
        cursors.forgetAll();
        assertThat(cursors.after("root")).isPresent(); // until the next pass starts
        cursors.startPass();

        assertThat(cursors.after("root")).isEmpty();
        assertThat(cursors.after("root.mail")).isEmpty();
    }

    @Test
    void aChannelWithoutPositionIsNotMarked() {
        cursors.pendingAt("root.new", 1, T0);
        cursors.startPass();
        cursors.handedOutUpTo("root.new", new CandidateJob(7, "root.new", 10, T0, null));
        cursors.startPass();

        assertThat(cursors.after("root.new")).isPresent();
    }
}
