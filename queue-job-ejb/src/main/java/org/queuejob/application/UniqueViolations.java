package org.queuejob.application;

import java.sql.SQLException;
import org.queuejob.domain.shared.FailureParts;

/**
 * Whether a write failed on a unique constraint (PostgreSQL's unique_violation, SQLSTATE 23505): two saves that
 * created a record of the same name at once, each after looking and finding none. The second one's insert waits for
 * the first's commit and then fails; the services say so in a sentence, in place of an unexpected error. Read through
 * causes and suppressed exceptions ({@link FailureParts}): the container and the JPA provider wrap the driver's
 * exception, each in its own way.
 */
final class UniqueViolations {

    static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {}

    static boolean isIn(Throwable failure) {
        return FailureParts.of(failure).stream()
                .anyMatch(part -> part instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()));
    }
}
