package org.queuejob.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
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

    /** The sentence a job stored before the tables could be made ready is refused with. */
    static final String NOT_READY = "The job was not stored: the queue's tables could not be created or migrated"
            + " (the server log says why). Store jobs once the application has started.";

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

    /** The version the database is at once the migrations ran: Flyway's work, replaceable in tests. */
    Supplier<String> flyway = this::runFlyway;

    /** The schema version this deployment brought the database to at start; empty before. */
    public Optional<String> migratedTo() {
        return Optional.ofNullable(migratedTo);
    }

    /**
     * Brings the tables up to date, at the queue's start (outside any transaction): unless a job stored before the
     * start did it already, or does it now, which this waits for however long it takes (a migration that rebuilds
     * indexes of a large table takes minutes), and then tries itself if that one failed.
     */
    public void migrate() {
        if (mineToRun(Duration.ofDays(1))) {
            applyMigrations();
        }
    }

    /** Whether this deployment has brought the tables up to date: one volatile read, for every job stored. */
    public boolean isMigrated() {
        return gate.isOpen();
    }

    /**
     * Makes the tables ready for a job stored before they are: brings them up to date now when nobody has begun to
     * (an application's {@code @Startup} bean storing a job from its {@code @PostConstruct} may come before the
     * queue's start, even on the thread that then starts it, so waiting for the start would not do; on a first
     * deployment the tables do not exist yet), else waits for the migration under way, at most {@link
     * #WAIT_FOR_MIGRATION}. Outside the caller's transaction: Flyway commits as it goes, and the caller's transaction
     * goes on once this returns, with its job stored as usual.
     *
     * @throws IllegalStateException with a sentence when the tables could not be made ready; nothing was stored
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void migrateBeforeFirstJob() {
        if (!mineToRun(WAIT_FOR_MIGRATION)) {
            return;
        }
        try {
            LOG.info("A job is stored before the queue has started: its tables are brought up to date now");
            applyMigrations();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The queue's tables could not be created or migrated", e);
            throw new IllegalStateException(NOT_READY, e);
        }
    }

    /**
     * True when the caller is to run the migrations now; false once another's run brought the tables up to date,
     * waited for at most {@code wait} (a run that failed lets the caller try).
     */
    private boolean mineToRun(Duration wait) {
        while (!gate.begin()) {
            if (gate.await(wait)) {
                return false;
            }
        }
        return true;
    }

    /** Runs the migrations, then opens the gate; on failure lets the next who needs the tables try again. */
    private void applyMigrations() {
        try {
            migratedTo = flyway.get();
        } catch (RuntimeException | Error e) {
            gate.failed();
            throw e;
        }
        gate.open();
        migratedEvent.fire(new Migrated(migratedTo));
    }

    private String runFlyway() {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:org/queuejob/db/migration")
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.info(() -> "Queue job schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied)");
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }
}
