package org.queuejob.domain.shared;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The database's part in a failure, said for a record a user reads (a bulk action's or an autovacuum run's outcome).
 * Never the database's own text: PostgreSQL's messages quote statements, constraint names and the values of rows, and
 * say nothing a back-office user can act on. The SQL state says what kind of failure it was; the server log keeps the
 * whole exception.
 */
public final class DatabaseFailures {

    static final String UNREACHABLE =
            "the database could not be reached (SQL state %s); the server log has the details";
    static final String REFUSED = "the database refused a statement (SQL state %s); the server log has the details";
    static final String UNKNOWN_STATE = "the database failed; the server log has the details";

    private DatabaseFailures() {}

    /** A sentence for the nearest {@link SQLException} among the parts of {@code failure}; empty when none is. */
    public static Optional<String> describe(Throwable failure) {
        return FailureParts.of(failure).stream()
                .filter(SQLException.class::isInstance)
                .map(SQLException.class::cast)
                .findFirst()
                .map(DatabaseFailures::sentence);
    }

    private static String sentence(SQLException failure) {
        String state = failure.getSQLState();
        if (state == null || state.isBlank()) {
            return UNKNOWN_STATE;
        }
        return String.format(unreachable(state) ? UNREACHABLE : REFUSED, state);
    }

    /**
     * Whether {@code sqlState} says the connection was lost or ended by the server: class 08, or 57P01–57P03 (an
     * administrator or a shutdown ended it). Null is no state.
     */
    public static boolean unreachable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0"));
    }
}
