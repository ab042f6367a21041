package org.queuejob.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    private static final String POSTGRES_TEXT = "ERROR: update or delete on table \"queue_job\" violates foreign key"
            + " constraint \"queue_job_dependency_fk\" Detail: Key (id)=(42) is still referenced";

    @Test
    void aStatementTheDatabaseRefused_isNamedByItsSqlState_withoutTheDatabasesText() {
        RuntimeException failure =
                new IllegalStateException("Could not apply the chunk", new SQLException(POSTGRES_TEXT, "23503"));

        assertThat(DatabaseFailures.describe(failure))
                .hasValue("the database refused a statement (SQL state 23503); the server log has the details");
    }

    @Test
    void aLostConnection_saysTheDatabaseCouldNotBeReached() {
        assertThat(DatabaseFailures.describe(new SQLException("Connection refused", "08001")))
                .hasValue("the database could not be reached (SQL state 08001); the server log has the details");
        assertThat(DatabaseFailures.describe(new SQLException("terminating connection", "57P01")))
                .hasValueSatisfying(sentence -> assertThat(sentence).startsWith("the database could not be reached"));
    }

    @Test
    void aDatabaseFailureReportedAmongSuppressedExceptions_isFound() {
        RuntimeException rollback = new IllegalStateException("Transaction rolled back");
        rollback.addSuppressed(new SQLException(POSTGRES_TEXT, (String) null));

        assertThat(DatabaseFailures.describe(rollback)).hasValue(DatabaseFailures.UNKNOWN_STATE);
    }

    @Test
    void aFailureWithoutTheDatabase_isLeftToItsOwnMessage() {
        assertThat(DatabaseFailures.describe(new IllegalStateException("Bulk action 8 is no longer run")))
                .isEmpty();
    }
}
