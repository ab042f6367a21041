package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.Arrays;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void deadlocksSerialisationFailuresAndLockTimeoutsAreTransient() {
        assertThat(TransientFailures.isTransient(new SQLException("deadlock detected", "40P01")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("could not serialize", "40001")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("lock not available", "55P03")))
                .isTrue();
    }

    @Test
    void aConnectionLostOrAServerShuttingDownIsTransient_wrappedAsTheContainerWrapsIt() {
        SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
        SQLException io = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        SQLException socket = new SQLException("This connection has been closed.", null, new SocketException());

        assertThat(TransientFailures.isTransient(new IllegalStateException("wrapped", terminated)))
                .isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(io))).isTrue();
        assertThat(TransientFailures.isTransient(socket)).isTrue();
    }

    @Test
    void aConnectionThePoolCouldNotAllocateOrEnlistIsTransient() {
        // As Payara reports a pool whose connections were killed: no SQLSTATE, the connector's exception below.
        SQLException allocation = new SQLException(
                "Error in allocating a connection.",
                new RuntimeException(new jakarta.resource.ResourceException("physical connection is not usable")));

        assertThat(TransientFailures.isTransient(new IllegalStateException("wrapped", allocation)))
                .isTrue();
        assertThat(TransientFailures.isTransient(new jakarta.resource.ResourceException("no connection")))
                .isTrue();
    }

    /**
     * The fresh clone of 3881696: a job ended while its database refused connections (ALLOW_CONNECTIONS false, as
     * in maintenance); its done mark could get no connection, and the job was failed for good, since PostgreSQL says
     * 55000 there, a state a statement can give too. The chain is Payara's, the frames pgjdbc 42.7's.
     */
    @Test
    void aConnectionTheDatabaseRefusedToOpenIsTransient_whateverItsState() {
        SQLException refused = thrownFrom(
                new SQLException("FATAL: database \"q\" is not currently accepting connections", "55000"),
                "org.postgresql.core.v3.QueryExecutorImpl.readStartupMessages",
                "org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl",
                "org.postgresql.core.ConnectionFactory.openConnection",
                "org.postgresql.jdbc.PgConnection.<init>",
                "org.postgresql.Driver.connect");
        jakarta.resource.spi.ResourceAllocationException allocation =
                new jakarta.resource.spi.ResourceAllocationException(
                        "Connection could not be allocated because: " + refused.getMessage());
        allocation.initCause(refused);
        SQLException payara = new SQLException(
                "Error in allocating a connection. Cause: " + allocation.getMessage(),
                new jakarta.resource.spi.ResourceAllocationException("RAR5117", new Exception("pooling", allocation)));

        assertThat(TransientFailures.isTransient(new IllegalStateException("Could not mark job 1 done", payara)))
                .isTrue();
    }

    @Test
    void theSameStateFromAStatementOfTheJobIsNot() {
        SQLException statement = thrownFrom(
                new SQLException("currval of sequence \"s\" is not yet defined in this session", "55000"),
                "org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse",
                "org.postgresql.jdbc.PgStatement.execute");

        assertThat(TransientFailures.isTransient(new IllegalStateException("the job", statement)))
                .isFalse();
    }

    @Test
    void theJobsOwnFailuresAreNot() {
        assertThat(TransientFailures.isTransient(new SQLException("duplicate key", "23505")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad input")))
                .isFalse();
        // An I/O failure of the job's own (a file, a web service) is the job's business, not the database's.
        assertThat(TransientFailures.isTransient(new EOFException("truncated file")))
                .isFalse();
    }

    @Test
    void aCommitThatFailedBecauseTheConnectionWasLostIsTransient_whyBeingAmongTheSuppressed() {
        // As Narayana (WildFly) reports a one-phase commit whose connection was terminated: the rollback's cause
        // names only who marked the transaction rollback-only; why the commit failed is a suppressed exception.
        jakarta.transaction.RollbackException commit = rollbackMarkedBy("a transaction synchronisation");
        commit.addSuppressed(xaFailure(new jakarta.resource.ResourceException(
                "could not commit", new SQLException("An I/O error occurred while sending to the backend.", "08006"))));

        assertThat(TransientFailures.isTransient(commit)).isTrue();
    }

    @Test
    void aCommitThatThePoolCouldNotCarryOutIsTransient_withoutAnyDatabaseError() {
        jakarta.transaction.RollbackException commit = rollbackMarkedBy("the pool");
        commit.addSuppressed(xaFailure(new jakarta.resource.ResourceException("connection is closed")));

        assertThat(TransientFailures.isTransient(commit)).isTrue();
    }

    @Test
    void aCommitWhoseConnectionWasTerminatedIsTransient_asPayaraReportsIt() {
        // Payara: the commit throws a SystemException caused by an XAException that keeps only the message of the
        // connector's LocalTransactionException; no SQLException, no SQLSTATE. Seen in CI: 1 of 4,000 jobs failed.
        XAException xa = new XAException("jakarta.resource.spi.LocalTransactionException: FATAL: terminating "
                + "connection due to administrator command");
        jakarta.transaction.SystemException commit = new jakarta.transaction.SystemException();
        commit.initCause(xa);

        assertThat(TransientFailures.isTransient(commit)).isTrue();
        assertThat(TransientFailures.message(commit)).endsWith("terminating connection due to administrator command");
    }

    @Test
    void aCommitTheResourceRefusedForIntegrityFailsTheJob() {
        jakarta.transaction.SystemException commit = new jakarta.transaction.SystemException();
        commit.initCause(new XAException(XAException.XA_RBINTEGRITY));

        assertThat(TransientFailures.isTransient(commit)).isFalse();
    }

    @Test
    void aCommitRefusedByTheDatabaseFailsTheJob_evenThroughTheContainersConnectionLayer() {
        // A deferred foreign key of the job's own work, checked at commit: the connector wraps the database's
        // refusal in its own exception, which alone would read as a connection failure.
        jakarta.transaction.RollbackException commit = rollbackMarkedBy("the commit");
        commit.addSuppressed(xaFailure(new jakarta.resource.ResourceException(
                "could not commit", new SQLException("violates foreign key constraint", "23503"))));

        assertThat(TransientFailures.isTransient(commit)).isFalse();
        assertThat(TransientFailures.isTransient(rollbackMarkedBy("the job itself")))
                .isFalse();
    }

    @Test
    void aFailureWhoseCausesAndSuppressedExceptionsLoopIsReadToItsEnd() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.addSuppressed(second);
        first.addSuppressed(new SQLException("terminating connection", "57P01"));

        assertThat(TransientFailures.isTransient(second)).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException("job", new IllegalStateException())))
                .isFalse();
    }

    private static jakarta.transaction.RollbackException rollbackMarkedBy(String who) {
        jakarta.transaction.RollbackException rollback =
                new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.initCause(new Throwable("setRollbackOnly called from " + who));
        return rollback;
    }

    /** {@code failure} as if thrown from {@code frames} ("class.method", innermost first). */
    private static SQLException thrownFrom(SQLException failure, String... frames) {
        failure.setStackTrace(Arrays.stream(frames)
                .map(frame -> {
                    int dot = frame.lastIndexOf('.');
                    return new StackTraceElement(frame.substring(0, dot), frame.substring(dot + 1), null, -1);
                })
                .toArray(StackTraceElement[]::new));
        return failure;
    }

    private static XAException xaFailure(Throwable cause) {
        XAException xa = new XAException(XAException.XAER_RMFAIL);
        xa.initCause(cause);
        return xa;
    }
}
