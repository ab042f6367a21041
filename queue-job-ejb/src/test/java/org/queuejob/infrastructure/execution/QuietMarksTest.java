package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.queuejob.infrastructure.cluster.ClusterStatements.Member;

class QuietMarksTest {

    private final QuietMarks marks = new QuietMarks();

    @Test
    void aReadThatBeganBeforeAMarkWasApplied_doesNotPutTheOldStateBack() {
        long readFrom = marks.beforeRead();
        marks.applied("b", true); // committed while the read ran; the read found b taking jobs

        assertThat(marks.since(readFrom, List.of(member("a", false), member("b", false))))
                .extracting(Member::quiet)
                .containsExactly(false, true);
    }

    @Test
    void aReadThatBeganAfterAMark_winsOverIt_soAChangeMadeElsewhereSinceIsKept() {
        marks.applied("b", true);
        long readFrom = marks.beforeRead();

        assertThat(marks.since(readFrom, List.of(member("b", false))))
                .as("b resumed on another server after the mark made here")
                .extracting(Member::quiet)
                .containsExactly(false);
    }

    @Test
    void theLatestMarkOfAServerWins() {
        long readFrom = marks.beforeRead();
        marks.applied("b", true);
        marks.applied("b", false);

        assertThat(marks.since(readFrom, List.of(member("b", true))))
                .extracting(Member::quiet)
                .containsExactly(false);
    }

    private static Member member(String name, boolean quiet) {
        return new Member(name, 4, 8, List.of("app.Jobs.send"), true, quiet);
    }
}
