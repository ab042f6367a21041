package org.queuejob.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the queue's tables up to date with Flyway when the application starts. The queue keeps its own history
 * table, so an application that also uses Flyway on the same schema is not disturbed.
 */
@ApplicationScoped
public class SchemaMigration {

    static final String HISTORY_TABLE = "queue_job_schema_history";

    /** The history table, for the readiness check. */
    public static final String HISTORY = HISTORY_TABLE;

    /** How long a job stored while the migration runs waits for its end. */
    static final Duration WAIT_FOR_MIGRATION = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    /**
     * Fired once the queue's tables are up to date, at each start: what reads them on its own (the metrics' first
     * count) waits for it, since on a first deployment the tables do not exist before.
     */
    public record Migrated(String version) {}

    @Inject
    @QueueJobDataSource
    DataSource dataSource;

    @Inject
    Event<Migrated> migratedEvent;

    private final MigrationGate gate = new MigrationGate();

    private volatile String migratedTo;

    /** The schema version this deployment brought the database to at start; empty before. */
    public Optional<String> migratedTo() {
        return Optional.ofNullable(migratedTo);
    }

    public void migrate() {
        gate.close();
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:org/queuejob/db/migration")
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        migratedTo = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Queue job schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied)");
        gate.open();
        migratedEvent.fire(new Migrated(migratedTo));
    }

    /**
     * Returns once this deployment has brought the tables up to date: at once after that (one volatile read), and
     * while the migration runs waits for its end, at most {@link #WAIT_FOR_MIGRATION} (see {@link MigrationGate}).
     * Code of the application can store jobs while the queue starts: WildFly starts an EAR's EJB modules side by side,
     * and a timer of one ticked while the queue's module was still migrating (the demo's sample traffic: "column
     * context of relation queue_job does not exist").
     *
     * @throws IllegalStateException when the migration has not ended in time; nothing was stored
     */
    public void awaitMigrated() {
        gate.await(WAIT_FOR_MIGRATION);
    }
}
