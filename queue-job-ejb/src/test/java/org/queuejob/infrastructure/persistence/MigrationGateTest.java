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
        assertThat(gate.begin()).isTrue();
        CompletableFuture<Boolean> storing = CompletableFuture.supplyAsync(() -> gate.await(Duration.ofMinutes(1)));

        assertThat(storing).as("waiting for the migration").isNotDone();
        gate.open();

        assertThat(storing.get(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aJobStoredWhenTheMigrationDoesNotEndInTime_isRefusedWithASentence() {
        gate.begin();
        assertThatThrownBy(() -> gate.await(Duration.ofMillis(20)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The job was not stored: the queue's tables are still being created or migrated"
                        + " (waited 0 s). Store jobs once the application has started.");
    }

    @Test
    void onlyOneCallerMigrates_untilItFails_thenTheNextOneMay() throws Exception {
        assertThat(gate.begin()).isTrue();
        assertThat(gate.begin()).as("someone is at it").isFalse();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> gate.await(Duration.ofMinutes(1)));

        gate.failed();

        assertThat(waiting.get(30, TimeUnit.SECONDS))
                .as("told the tables are not ready, not left waiting")
                .isFalse();
        assertThat(gate.isOpen()).isFalse();
        assertThat(gate.begin()).as("the next one tries again").isTrue();
    }

    @Test
    void onceMigrated_jobsPassWithoutWaiting_andNobodyMigratesAgain() {
        gate.begin();
        gate.open();

        assertThat(gate.isOpen()).isTrue();
        assertThat(gate.await(Duration.ZERO)).isTrue();
        assertThat(gate.begin()).isFalse();
    }
}
