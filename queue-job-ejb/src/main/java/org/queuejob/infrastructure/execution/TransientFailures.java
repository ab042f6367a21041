package org.queuejob.infrastructure.execution;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Which failures of a try say nothing about the job: the database was busy or away. Such a try is retried after a
 * short delay and counts towards max retries (unlike the original, whose Q9 lets a deadlocking job retry forever),
 * instead of failing the job for good because a connection dropped.
 */
final class TransientFailures {

    /** lock_not_available, serialization_failure, deadlock_detected, admin/crash/cannot-connect-now shutdowns. */
    static final Set<String> SQL_STATES = Set.of("55P03", "40001", "40P01", "57P01", "57P02", "57P03");

    /** SQLSTATE class 08: connection exceptions (the connection was lost, or could not be made). */
    static final String CONNECTION_CLASS = "08";

    private TransientFailures() {}

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
            // The container could not hand out or enlist a connection (its pool found them dead): Jakarta
            // Connectors' own exception, below the SQLException that the data source wraps it in.
            if (cause instanceof jakarta.resource.ResourceException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // PostgreSQL's driver gives every error of the database a SQLSTATE; one without comes from the layer in
            // between (the container's pool could not allocate or enlist a connection): about the connection.
            return true;
        }
        if (SQL_STATES.contains(state) || state.startsWith(CONNECTION_CLASS)) {
            return true;
        }
        // The driver's own I/O failures (a socket closed under it), whatever state it reports.
        for (Throwable cause = sql.getCause(); cause != null; cause = next(cause)) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
