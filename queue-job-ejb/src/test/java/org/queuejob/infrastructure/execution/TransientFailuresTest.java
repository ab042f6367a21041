package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
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
}
