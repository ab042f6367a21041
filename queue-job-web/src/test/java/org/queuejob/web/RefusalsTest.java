package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;
import org.queuejob.application.ChangedMeanwhileException;
import org.queuejob.application.InvalidSettingException;
import org.queuejob.domain.model.autovacuum.AutovacuumRefusedException;
import org.queuejob.domain.model.job.IllegalJobStateException;

class RefusalsTest {

    @Test
    void theLibrarysRefusalsAreShownAsTheyAre_wrappedOrNot() {
        assertThat(Refusals.sentence(new InvalidSettingException("Channel name 'root:3' is not a channel name.", null)))
                .isEqualTo("Channel name 'root:3' is not a channel name.");
        assertThat(Refusals.sentence(
                        new EJBException(new IllegalJobStateException("Cannot requeue job x in state done"))))
                .isEqualTo("Cannot requeue job x in state done");
        assertThat(Refusals.sentence(new AutovacuumRefusedException(
                        "Autovacuum run 4 has already ended (completed): there is nothing to stop.")))
                .isEqualTo("Autovacuum run 4 has already ended (completed): there is nothing to stop.");
    }

    /** The autovacuum's own failures to start (the batch runtime's text in them) are not refusals to show. */
    @Test
    void anAutovacuumThatCouldNotStart_isAnUnexpectedError_notTheBatchRuntimesText() {
        assertThat(Refusals.sentence(new IllegalStateException(
                        "The autovacuum could not start: JBERET000609: Job execution 12 has already completed")))
                .isEqualTo(Refusals.UNEXPECTED);
    }

    @Test
    void anythingElseIsAnsweredWithTheGenericSentence_neverItsText() {
        PersistenceException database = new PersistenceException(
                "Internal Exception: org.postgresql.util.PSQLException: ERROR: value too long for type character"
                        + " varying(255) Error Code: 0 Call: UPDATE queue_job SET channel = ?");
        EJBException rolledBack = new EJBException(new RollbackException("Transaction marked for rollback."));

        for (Exception failure : new Exception[] {
            database,
            rolledBack,
            new NumberFormatException("For input string: \"99999999999999999999\""),
            new IllegalArgumentException("No enum constant"),
            new NullPointerException()
        }) {
            assertThat(Refusals.sentence(failure)).as(failure.toString()).isEqualTo(Refusals.UNEXPECTED);
        }
    }

    @Test
    void twoSavesThatMetAtCommit_areToldTheRecordChangedMeanwhile_notAnUnexpectedError() {
        assertThat(Refusals.sentence(new jakarta.persistence.OptimisticLockException("stale")))
                .isEqualTo(ChangedMeanwhileException.SENTENCE);
        assertThat(Refusals.sentence(new EJBException(
                        "commit", new PersistenceException(new jakarta.persistence.OptimisticLockException()))))
                .isEqualTo("Changed by someone else meanwhile; nothing saved, reload to see their change.");
        assertThat(Refusals.sentence(new ChangedMeanwhileException("priority")))
                .isEqualTo("Changed by someone else meanwhile (priority); nothing saved, reload to see their change.");
    }
}
