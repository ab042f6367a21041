package org.queuejob.infrastructure.execution;

import jakarta.resource.ResourceException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;
import javax.transaction.xa.XAException;
import org.queuejob.domain.shared.FailureParts;

/**
 * Which failures of a try say nothing about the job: the database was busy or away. Such a try is retried after a
 * short delay and counts towards max retries (unlike the original, whose Q9 lets a deadlocking job retry forever),
 * instead of failing the job for good because a connection dropped.
 *
 * <p>A failure is read as a whole ({@link FailureParts}): reading the causes alone failed jobs whose connection was
 * terminated between their last statement and their commit. Payara reports the same commit as a
 * {@code SystemException} caused by an {@link XAException} that carries only the connector's message.
 */
final class TransientFailures {

    /** lock_not_available, serialization_failure, deadlock_detected, admin/crash/cannot-connect-now shutdowns. */
    static final Set<String> SQL_STATES = Set.of("55P03", "40001", "40P01", "57P01", "57P02", "57P03");

    /** SQLSTATE class 08: connection exceptions (the connection was lost, or could not be made). */
    static final String CONNECTION_CLASS = "08";

    /**
     * Frames of a driver opening a connection. What the database says there refuses the connection, not a statement,
     * whatever its SQLSTATE: PostgreSQL refuses a database whose connections are switched off (ALLOW_CONNECTIONS false)
     * with 55000, the state it also gives a statement of the job that reads a sequence's currval too early.
     */
    static final Set<String> OPENING_A_CONNECTION =
            Set.of("org.postgresql.core.ConnectionFactory.openConnection", "java.sql.DriverManager.getConnection");

    /** A bound on the causes read below an SQL exception, against a failure that nests without end. */
    private static final int MAX_READ = 200;

    private TransientFailures() {}

    /**
     * Transient when any part of the failure says the database was away or busy, or refused to open a connection.
     * Otherwise, when the database
     * itself refused a statement (an SQLSTATE of another kind: a constraint, a syntax error), the job failed. Only
     * then does a failure of the layer in between count as transient: the container's pool could not hand out or
     * enlist a connection (Jakarta Connectors' {@link ResourceException}, or an {@link SQLException} without a
     * state, which PostgreSQL's driver never throws for an error of the database), or the transaction manager
     * could not commit on it ({@link XAException}).
     */
    static boolean isTransient(Throwable failure) {
        boolean refusedByDatabase = false;
        boolean connectionLayer = false;
        for (Throwable part : FailureParts.of(failure)) {
            if (part instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (SQL_STATES.contains(state) || state.startsWith(CONNECTION_CLASS))) {
                    return true;
                }
                if (state != null && refusedAConnection(sql)) {
                    // The pool could not open a connection: the database is away for now (maintenance, too many
                    // connections, a password being changed), and none of the job's statements was refused.
                    return true;
                }
                if (causedByIo(sql)) {
                    // The driver's own I/O failure (a socket closed under it), whatever state it reported.
                    return true;
                }
                connectionLayer |= state == null;
                refusedByDatabase |= state != null;
            } else if (part instanceof ResourceException) {
                connectionLayer = true;
            } else if (part instanceof XAException xa) {
                // The transaction manager could not carry out the commit on the connection. Payara keeps only the
                // message of the connector's exception there (no SQLSTATE to read), so a refusal of the database
                // at commit reads as transient too unless the resource said so: such a job is retried 5 s apart
                // until its max retries fail it, rather than failing at its first lost connection.
                connectionLayer |= xa.errorCode != XAException.XA_RBINTEGRITY;
                refusedByDatabase |= xa.errorCode == XAException.XA_RBINTEGRITY;
            }
        }
        return connectionLayer && !refusedByDatabase;
    }

    /**
     * What to tell the user of a transient try: the first message in the failure, since a transaction manager's
     * own exception often has none (Payara's {@code SystemException}) and its cause says what happened.
     */
    static String message(Throwable failure) {
        return FailureParts.of(failure).stream()
                .map(Throwable::getMessage)
                .filter(message -> message != null && !message.isBlank())
                .findFirst()
                .orElse(failure.getClass().getName());
    }

    private static boolean refusedAConnection(SQLException sql) {
        for (StackTraceElement frame : sql.getStackTrace()) {
            if (OPENING_A_CONNECTION.contains(frame.getClassName() + "." + frame.getMethodName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedByIo(SQLException sql) {
        int depth = 0;
        for (Throwable cause = sql.getCause(); cause != null && depth < MAX_READ; cause = cause.getCause(), depth++) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
