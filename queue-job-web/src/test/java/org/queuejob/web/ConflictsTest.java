package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import org.junit.jupiter.api.Test;
import org.queuejob.application.ChangedMeanwhileException;

class ConflictsTest {

    @Test
    void anOptimisticLockFailure_isAConflict_atAnyDepth_jpasOrEclipseLinks() {
        assertThat(Conflicts.optimisticLockIn(new EJBException(new OptimisticLockException("stale"))))
                .isTrue();
        assertThat(Conflicts.optimisticLockIn(new IllegalStateException("nothing of the kind")))
                .isFalse();
        assertThat(Conflicts.optimisticLockIn(new ChangedMeanwhileException("capacity")))
                .as("refused by comparison, mapped by its own type")
                .isFalse();
    }
}
