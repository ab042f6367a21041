package org.queuejob.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.resource.spi.ResourceAllocationException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UnreachableDatabaseTest {

    @Test
    void aPoolThatCouldNotHandOutAConnection_deepInACommitFailure_isAnUnreachableDatabase() {
        // As Payara reported it when an enqueue committed right after an outage.
        SQLException allocation = new SQLException("Error in allocating a connection");
        allocation.initCause(new ResourceAllocationException("the physical connection is not usable"));
        RollbackException rollback = new RollbackException("Transaction marked for rollback.");
        rollback.initCause(new IllegalStateException("Could not store job", allocation));

        assertThat(UnreachableDatabase.isIn(new TransactionalException("commit failed", rollback)))
                .isTrue();
    }

    @Test
    void aLostOrEndedConnection_isAnUnreachableDatabase_evenWhenReportedAsSuppressed() {
        assertThat(UnreachableDatabase.isIn(new SQLException("I/O error", "08006")))
                .isTrue();
        assertThat(UnreachableDatabase.isIn(new SQLException("terminating connection", "57P01")))
                .isTrue();
        RollbackException rollback = new RollbackException("could not commit");
        rollback.addSuppressed(new SQLException("connection closed", "08003"));
        assertThat(UnreachableDatabase.isIn(rollback)).isTrue();
    }

    @Test
    void whatTheDatabaseRefused_isNot_forSendingItAgainWouldFailAgain() {
        assertThat(UnreachableDatabase.isIn(new SQLException("raised by a trigger", "P0001")))
                .isFalse();
        assertThat(UnreachableDatabase.isIn(new SQLException("duplicate key", "23505")))
                .isFalse();
        assertThat(UnreachableDatabase.isIn(new IllegalStateException("no database at all")))
                .isFalse();
    }

    @Test
    void aFailureThatCitesItself_isReadOnce() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.addSuppressed(second);

        assertThat(UnreachableDatabase.isIn(second)).isFalse();
    }
}
