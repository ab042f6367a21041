package org.queuejob.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailurePartsTest {

    @Test
    void aFailure_isReadWithItsCausesAndSuppressedExceptions_nearestFirst() {
        SQLException why = new SQLException("terminating connection", "57P01");
        IllegalStateException rollback = new IllegalStateException("marked rollback-only");
        RuntimeException commit = new RuntimeException("commit failed", rollback);
        commit.addSuppressed(why);
        RuntimeException outer = new RuntimeException("request failed", commit);

        assertThat(FailureParts.of(outer)).containsExactly(outer, commit, rollback, why);
    }

    @Test
    void aFailureThatRefersToItself_isReadOnce_andAnEndlessNestingIsCut() {
        RuntimeException loop = new RuntimeException("loop");
        RuntimeException other = new RuntimeException("other", loop);
        loop.addSuppressed(other);
        assertThat(FailureParts.of(loop)).containsExactly(loop, other);

        RuntimeException deep = new RuntimeException("deepest");
        for (int i = 0; i < 1_000; i++) {
            deep = new RuntimeException("level " + i, deep);
        }
        assertThat(FailureParts.of(deep)).hasSize(FailureParts.MAX_READ);
        assertThat(FailureParts.of(null)).isEmpty();
    }
}
