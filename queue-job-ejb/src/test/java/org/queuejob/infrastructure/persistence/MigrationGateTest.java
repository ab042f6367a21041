package org.queuejob.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MigrationGateTest {

    private final MigrationGate gate = new MigrationGate();

    @Test
    void aJobStoredWhileTheTablesAreMigrated_waitsForTheMigration_andGoesOnOnceItEnds() throws Exception {
        gate.close();
        CompletableFuture<Void> storing = CompletableFuture.runAsync(() -> gate.await(Duration.ofMinutes(1)));

        assertThat(storing).as("waiting for the migration").isNotDone();
        gate.open();

        storing.get(30, TimeUnit.SECONDS);
        assertThat(storing).isCompleted();
    }

    @Test
    void aJobStoredWhenTheMigrationDoesNotEndInTime_isRefusedWithASentence() {
        gate.close();
        assertThatThrownBy(() -> gate.await(Duration.ofMillis(20)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The job was not stored: the queue's tables are still being created or migrated by its"
                        + " start (waited 0 s). Store jobs once the application has started.");
    }

    @Test
    void beforeTheMigrationBegins_jobsAreNotHeldBack() {
        // The start of the queue may come after the caller, on its thread: waiting would only delay it.
        gate.await(Duration.ZERO);
    }

    @Test
    void onceMigrated_jobsPassWithoutWaiting() {
        gate.close();
        gate.open();

        gate.await(Duration.ZERO);
    }
}
