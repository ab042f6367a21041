package org.queuejob.web.api;

import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a request failed because the database could not be reached: the pool could not hand out a working
 * connection (Jakarta Connectors' {@link ResourceException}, as Payara's and WildFly's pools report it), or the
 * connection was lost or ended by the server (SQLSTATE class 08, or 57P01-57P03: an administrator or a shutdown ended
 * it). Such a request stored nothing and may be sent again as it was; a client is told so with a 503, not a 500
 * incident. Right after an outage a pool may still hand out, for up to its validation period, a connection the
 * database has closed: the first requests then fail so.
 *
 * <p>Narrower than what the workers count as transient (a busy database, a deadlock): for those the request's own
 * outcome is the server's to report.
 */
final class UnreachableDatabase {

    static final String DETAIL =
            "The database could not be reached, so nothing was saved. Send the request again in a moment.";

    static final String RETRY_AFTER_SECONDS = "1";

    /** A bound on the exceptions read, against a failure that nests without end. */
    private static final int MAX_READ = 100;

    private UnreachableDatabase() {}

    static boolean isIn(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return isIn(failure, seen);
    }

    /** Reads causes and suppressed exceptions: a transaction manager reports a failed commit among the latter. */
    private static boolean isIn(Throwable part, Set<Throwable> seen) {
        if (part == null || seen.size() >= MAX_READ || !seen.add(part)) {
            return false;
        }
        if (part instanceof ResourceException
                || part instanceof SQLTransientConnectionException
                || part instanceof SQLRecoverableException) {
            return true;
        }
        if (part instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (state.startsWith("08") || state.startsWith("57P0")) {
                return true;
            }
        }
        for (Throwable suppressed : part.getSuppressed()) {
            if (isIn(suppressed, seen)) {
                return true;
            }
        }
        return isIn(part.getCause(), seen);
    }
}
