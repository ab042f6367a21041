package org.queuejob.web.api;

import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.queuejob.domain.shared.DatabaseFailures;
import org.queuejob.domain.shared.FailureParts;

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

    private UnreachableDatabase() {}

    /** Reads causes and suppressed exceptions: a transaction manager reports a failed commit among the latter. */
    static boolean isIn(Throwable failure) {
        return FailureParts.of(failure).stream().anyMatch(UnreachableDatabase::saysSo);
    }

    private static boolean saysSo(Throwable part) {
        if (part instanceof ResourceException
                || part instanceof SQLTransientConnectionException
                || part instanceof SQLRecoverableException) {
            return true;
        }
        return part instanceof SQLException sql && DatabaseFailures.unreachable(sql.getSQLState());
    }
}
