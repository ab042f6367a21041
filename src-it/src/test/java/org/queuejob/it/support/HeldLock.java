package org.queuejob.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Row locks held by a test in a transaction left open, as an application's long transaction or a person's edit would
 * hold them, until {@link #close()} rolls it back. In the server ({@link DatabaseRows#lock}) or from outside it, on
 * whichever connection the test has.
 */
public final class HeldLock implements AutoCloseable {

    /**
     * Read on the lock's own connection: {@code pg_locks} is read live, where {@code pg_stat_activity} would be read
     * once per transaction.
     */
    private static final String WAITED_FOR =
            "SELECT count(*) FROM pg_locks WHERE NOT granted AND pg_backend_pid() = ANY (pg_blocking_pids(pid))";

    private final Connection connection;

    private HeldLock(Connection connection) {
        this.connection = connection;
    }

    /**
     * Locks the rows {@code sql} (a {@code SELECT … FOR UPDATE}) selects on {@code connection}, which the lock then
     * owns and closes.
     *
     * @throws IllegalStateException when {@code sql} selects no row
     */
    public static HeldLock take(Connection connection, String sql, Object... parameters) {
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalStateException("Nothing to lock: " + sql);
                    }
                }
            }
            return new HeldLock(connection);
        } catch (SQLException | RuntimeException e) {
            try (connection) {
                connection.rollback();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("Could not lock: " + sql, e);
        }
    }

    /** True while another transaction waits for one of these locks. */
    public boolean waitedFor() {
        try (PreparedStatement query = connection.prepareStatement(WAITED_FOR);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read who waits for the lock", e);
        }
    }

    @Override
    public void close() {
        try (connection) {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release the lock", e);
        }
    }
}
