package org.queuejob.infrastructure.autovacuum;

import jakarta.batch.runtime.context.JobContext;
import java.util.Optional;
import org.queuejob.domain.model.job.StoredText;
import org.queuejob.domain.shared.DatabaseFailures;

/**
 * The first failure of an execution, kept as one line in the job context's transient data for the job listener to
 * record: the batch runtime hands a failed job's listener no exception, and none at all for a reader that failed to
 * open.
 */
final class RunFailures {

    private static final int LENGTH = 300;

    private RunFailures() {}

    static void note(JobContext job, Throwable failure) {
        if (job.getTransientUserData() == null) {
            job.setTransientUserData(oneLine(failure));
        }
    }

    static String noted(JobContext job) {
        Object noted = job.getTransientUserData();
        return noted instanceof String reason ? reason : null;
    }

    /**
     * The innermost cause's class and message, on one line; for a failure of the database, what kind it was, never
     * the database's own text ({@link DatabaseFailures}).
     */
    static String oneLine(Throwable failure) {
        Optional<String> database = DatabaseFailures.describe(failure);
        if (database.isPresent()) {
            return database.get();
        }
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        String line = (cause.getClass().getSimpleName() + message)
                .replaceAll("\\s+", " ")
                .strip();
        return StoredText.shortened(line, LENGTH);
    }
}
