package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.queuejob.dev.AppServer;
import org.queuejob.dev.DatabaseSettings;
import org.queuejob.infrastructure.cluster.ClusterStatements;
import org.queuejob.it.support.ItEnvironment;
import org.queuejob.it.support.TestDeployments;

/**
 * An application that stops takes its server out of the cluster before its undeploy returns: its record is deleted
 * and its listener's connection no longer holds its liveness lock. On WildFly the record stayed (the statement's
 * session bean was already stopped), and a pooled connection could keep the lock: the others saw a live server under
 * a name no process used any more.
 */
class LeaveIT {

    private static final String NAME = "leave-it@it/" + Long.toHexString(System.nanoTime());

    @Test
    void anUndeployedQueue_hasDeletedItsRecordAndReleasedItsLivenessLock_whenTheUndeployReturns() throws Exception {
        WebArchive war = TestDeployments.queueJobWar("leave-it")
                .addAsResource(
                        TestDeployments.configWith("queue-job.worker-name=" + NAME),
                        "META-INF/microprofile-config.properties");
        Path file = Files.createTempFile("leave-it", ".war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        AppServer server = ItEnvironment.domain();
        int sessionKey;
        try {
            server.deploy(file, "leave-it");
            sessionKey = await().atMost(Duration.ofSeconds(30))
                    .until(LeaveIT::sessionKey, key -> key.isPresent() && livenessLockHeld(key.get()))
                    .orElseThrow();
        } finally {
            server.undeploy("leave-it");
            Files.deleteIfExists(file);
        }

        assertThat(sessionKey()).as("the server's record").isEmpty();
        assertThat(livenessLockHeld(sessionKey)).as("its liveness lock held").isFalse();
    }

    /** The liveness-lock key the record of {@link #NAME} names; empty while there is no record. */
    private static Optional<Integer> sessionKey() {
        try (Connection connection = connect();
                PreparedStatement query =
                        connection.prepareStatement("SELECT session_key FROM queue_job_instance WHERE name = ?")) {
            query.setString(1, NAME);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getInt(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean livenessLockHeld(int sessionKey) {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT count(*) FROM pg_locks
                         WHERE locktype = 'advisory' AND granted AND classid = ? AND objid = ? AND objsubid = 2""")) {
            query.setInt(1, ClusterStatements.LIVENESS_LOCKS);
            query.setInt(2, sessionKey);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        DatabaseSettings db = ItEnvironment.database();
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }
}
