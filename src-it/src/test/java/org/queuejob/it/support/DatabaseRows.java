package org.queuejob.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Rows written straight into the queue's tables, as a person with SQL or another deployment would, and read back
 * as text: for in-container tests of what the queue does with rows it did not write itself.
 */
public final class DatabaseRows {

    private DatabaseRows() {}

    /** Runs {@code sql} (an insert, update or delete) with {@code parameters} bound to its '?' in order. */
    public static void execute(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run: " + sql, e);
        }
    }

    /** The columns of the rows {@code sql} selects, as text (null stays null). */
    public static List<List<String>> rows(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<List<String>> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rows.getString(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read: " + sql, e);
        }
    }

    /**
     * The servers whose run of the job {@code uuid} was taken from them (cancelled, set done or requeued while it ran)
     * and has not returned yet: one row each, its worker.
     */
    public static List<List<String>> takenAwayRuns(UUID uuid) {
        return rows(
                "SELECT worker FROM queue_job_run_taken_away WHERE job_id = (SELECT id FROM queue_job WHERE uuid = ?)",
                uuid);
    }

    /**
     * Locks the rows {@code sql} (a {@code SELECT … FOR UPDATE}) selects in a transaction left open, as an
     * application's long transaction would, until the returned lock is closed (which rolls it back).
     */
    public static HeldLock lock(String sql, Object... parameters) {
        try {
            return HeldLock.take(connect(), sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock: " + sql, e);
        }
    }

    private static Connection connect() throws SQLException {
        try {
            DataSource dataSource = InitialContext.doLookup("jdbc/queue-job");
            return dataSource.getConnection();
        } catch (NamingException e) {
            throw new IllegalStateException("No data source jdbc/queue-job", e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
