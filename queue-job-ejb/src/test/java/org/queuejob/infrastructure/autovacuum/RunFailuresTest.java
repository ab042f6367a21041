package org.queuejob.infrastructure.autovacuum;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class RunFailuresTest {

    @Test
    void aRunTheDatabaseCutOff_isRecordedAsUnreachable_notByTheDatabasesText() {
        RuntimeException failure = new IllegalStateException(
                "Could not delete a chunk",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));

        assertThat(RunFailures.oneLine(failure))
                .isEqualTo("the database could not be reached (SQL state 57P01); the server log has the details");
    }

    @Test
    void anotherFailure_isRecordedByItsInnermostClassAndMessage() {
        assertThat(RunFailures.oneLine(new IllegalStateException("wrapped", new ArithmeticException("/ by zero"))))
                .isEqualTo("ArithmeticException: / by zero");
    }
}
