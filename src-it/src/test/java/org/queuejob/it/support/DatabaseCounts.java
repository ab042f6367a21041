package org.queuejob.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** Read-only counts straight from the queue's database, for in-container tests that check what was stored. */
public final class DatabaseCounts {

    private DatabaseCounts() {}

    /** The single number {@code sql} selects, with {@code parameter} (text, or none when null) bound to its '?'. */
    public static long count(String sql, String parameter) {
        try {
            DataSource dataSource = InitialContext.doLookup("jdbc/queue-job");
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement query = connection.prepareStatement(sql)) {
                if (parameter != null) {
                    query.setString(1, parameter);
                }
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        } catch (NamingException | SQLException e) {
            throw new IllegalStateException("Could not count with: " + sql, e);
        }
    }
}
