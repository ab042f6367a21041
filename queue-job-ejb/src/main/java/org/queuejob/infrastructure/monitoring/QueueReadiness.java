package org.queuejob.infrastructure.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.queuejob.infrastructure.config.QueueJobSettings;
import org.queuejob.infrastructure.execution.QueueRuntime;
import org.queuejob.infrastructure.persistence.SchemaMigration;

/**
 * Readiness ({@code /health/ready}) of the queue on this server, in one round trip to the database (3 s at most): the
 * database answers, the queue's migrations are applied (none failed, and the database is at least at the version this
 * deployment migrated to), a leader is known (this server, or a server that beats), and this server's listener is
 * connected (when the queue runs here). A database that does not answer makes it DOWN, with the reason in its data.
 */
@Readiness
@ApplicationScoped
public class QueueReadiness implements HealthCheck {

    public static final String NAME = "queue-job-database";

    private static final Logger LOG = Logger.getLogger(QueueReadiness.class.getName());

    @Inject
    QueueProbe probe;

    @Inject
    QueueRuntime runtime;

    @Inject
    SchemaMigration schema;

    @Inject
    QueueJobSettings settings;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("server", runtime.serverName());
        QueueProbe.DatabaseState db;
        try {
            db = probe.database(settings.deadAfter().toSeconds());
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Readiness: database not reachable", e);
            return response.down()
                    .withData("database", "unreachable")
                    .withData("problem", "The database does not answer: " + firstLine(e))
                    .build();
        }
        Optional<String> deployed = schema.migratedTo();
        boolean migrated = db.failedMigrations() == 0
                && db.schemaVersion() != null
                && deployed.map(version -> compareVersions(db.schemaVersion(), version) >= 0)
                        .orElse(false);
        boolean leaderKnown = runtime.isLeader() || (db.leader() != null && db.leaderAlive());
        boolean listenerOk = !runtime.isActive() || runtime.listenerConnected();
        response.withData("database", "reachable")
                .withData("schemaVersion", String.valueOf(db.schemaVersion()))
                .withData("migrationsApplied", migrated)
                .withData("leader", db.leader() == null ? "none" : db.leader())
                .withData("leaderKnown", leaderKnown)
                .withData("listenerConnected", runtime.listenerConnected());
        if (!migrated) {
            return response.down()
                    .withData(
                            "problem",
                            "The queue's schema is not up to date (failed migrations: " + db.failedMigrations() + ")")
                    .build();
        }
        if (!leaderKnown) {
            return response.down()
                    .withData("problem", "No live server holds the leader lock: nothing is dispatched")
                    .build();
        }
        if (!listenerOk) {
            return response.down()
                    .withData("problem", "This server's listener is not connected to the database")
                    .build();
        }
        return response.up().build();
    }

    /** Flyway versions: dotted numbers. */
    static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            long l = i < left.length ? parse(left[i]) : 0;
            long r = i < right.length ? parse(right[i]) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    }

    private static long parse(String part) {
        try {
            return Long.parseLong(part.replaceAll("\\D", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
