package org.queuejob.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Who migrates the queue's tables: the queue's start, or a job stored before it (an application's {@code @Startup}
 * bean: on a first deployment the tables did not exist, and the job was refused with PostgreSQL's "relation queue_job
 * does not exist"). Flyway's work is replaced by a count here; the IT suites migrate a real database at every start.
 */
class SchemaMigrationTest {

    private final AtomicInteger migrations = new AtomicInteger();
    private final List<SchemaMigration.Migrated> told = new ArrayList<>();
    private final SchemaMigration schema = new SchemaMigration();

    SchemaMigrationTest() {
        schema.migratedEvent = new Told();
        schema.flyway = () -> {
            migrations.incrementAndGet();
            return "26";
        };
    }

    @Test
    void aJobStoredBeforeTheQueuesStart_bringsTheTablesUpToDateItself_andTheStartThenFindsThemSo() {
        assertThat(schema.isMigrated()).isFalse();

        schema.migrateBeforeFirstJob();

        assertThat(schema.isMigrated()).isTrue();
        assertThat(schema.migratedTo()).hasValue("26");
        schema.migrate();
        schema.migrateBeforeFirstJob();
        assertThat(migrations).as("once per deployment").hasValue(1);
        assertThat(told).containsExactly(new SchemaMigration.Migrated("26"));
    }

    @Test
    void aJobStoredBeforeTheStart_whoseMigrationFails_isRefusedWithASentence_andTheStartTriesAgain() {
        schema.flyway = () -> {
            migrations.incrementAndGet();
            throw new IllegalStateException("Unable to obtain connection from database: FATAL: too many clients");
        };

        assertThatThrownBy(schema::migrateBeforeFirstJob)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The job was not stored: the queue's tables could not be created or migrated (the server"
                        + " log says why). Store jobs once the application has started.");
        assertThat(schema.isMigrated()).isFalse();

        schema.flyway = () -> {
            migrations.incrementAndGet();
            return "26";
        };
        schema.migrate();
        assertThat(schema.isMigrated()).isTrue();
        assertThat(migrations).hasValue(2);
    }

    @Test
    void theStartsOwnMigrationFailing_failsTheStart_withFlywaysException() {
        IllegalStateException flywayFailure = new IllegalStateException("Migration V26 failed");
        schema.flyway = () -> {
            throw flywayFailure;
        };

        assertThatThrownBy(schema::migrate).isSameAs(flywayFailure);
        assertThat(schema.isMigrated()).isFalse();
        assertThat(told).isEmpty();
    }

    private final class Told implements Event<SchemaMigration.Migrated> {
        @Override
        public void fire(SchemaMigration.Migrated event) {
            told.add(event);
        }

        @Override
        public <U extends SchemaMigration.Migrated> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends SchemaMigration.Migrated> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<SchemaMigration.Migrated> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends SchemaMigration.Migrated> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends SchemaMigration.Migrated> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
