package org.queuejob.application;

import jakarta.batch.runtime.context.JobContext;
import java.util.Optional;
import org.queuejob.domain.model.job.StoredText;
import org.queuejob.domain.shared.DatabaseFailures;

/**
 * What the artifacts of one bulk action execution tell each other, kept in the job context's transient data: that a
 * stop was requested (the pacer reads it from the record after a chunk, the reader then ends the step) and the first
 * failure, for the listener to record (the batch runtime hands a failed job's listener no exception).
 */
final class BulkExecution {

    private static final int LENGTH = 300;

    private volatile boolean stopRequested;
    private volatile String failure;

    static BulkExecution of(JobContext job) {
        if (!(job.getTransientUserData() instanceof BulkExecution)) {
            job.setTransientUserData(new BulkExecution());
        }
        return (BulkExecution) job.getTransientUserData();
    }

    boolean stopRequested() {
        return stopRequested;
    }

    void requestStop() {
        stopRequested = true;
    }

    String failure() {
        return failure;
    }

    void fail(Throwable cause) {
        if (failure == null) {
            failure = oneLine(cause);
        }
    }

    /**
     * The innermost cause's message (or class), on one line; for a failure of the database, what kind it was, never
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
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String line = text.replaceAll("\\s+", " ").strip();
        return StoredText.shortened(line, LENGTH);
    }
}
