package org.queuejob.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class BulkExecutionTest {

    @Test
    void aChunkTheDatabaseRefused_isRecordedByItsSqlState_notByTheDatabasesText() {
        PersistenceException failure = new PersistenceException(
                "Internal Exception: org.postgresql.util.PSQLException",
                new SQLException(
                        "ERROR: deadlock detected Detail: Process 4711 waits for ShareLock on transaction"
                                + " 90210; UPDATE queue_job SET state = 'cancelled' WHERE id = ANY (?)",
                        "40P01"));

        assertThat(BulkExecution.oneLine(failure))
                .isEqualTo("the database refused a statement (SQL state 40P01); the server log has the details");
    }

    @Test
    void anotherFailure_isRecordedByItsInnermostMessage_onOneLine() {
        RuntimeException failure = new IllegalStateException(
                "Chunk failed", new IllegalStateException("Bulk action 8 is no longer run\n  by this execution"));

        assertThat(BulkExecution.oneLine(failure)).isEqualTo("Bulk action 8 is no longer run by this execution");
    }
}
