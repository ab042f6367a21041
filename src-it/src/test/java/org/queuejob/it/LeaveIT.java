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
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.queuejob.dev.AppServer;
import org.queuejob.dev.DatabaseSettings;
import org.queuejob.infrastructure.cluster.ClusterStatements;
import org.queuejob.it.jobs.TestJobs;
import org.queuejob.it.support.ItEnvironment;
import org.queuejob.it.support.TestDeployments;

/**
 * An application that stops takes its server out of the cluster before its undeploy returns: its record is deleted
 * and its listener's connection no longer holds its liveness lock, and no run of its jobs goes on. On WildFly the record stayed (the statement's
 * session bean was already stopped), and a pooled connection could keep the lock: the others saw a live server under
 * a name no process used any more.
 */
class LeaveIT {

    private static final String NAME = "leave-it@it/" + Long.toHexString(System.nanoTime());
    /** The advisory lock the job cut short by the stop holds in its transaction. */
    private static final long LOCK_KEY = 0x51e7a11L;

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

    /**
     * A job still running when its server stops, past {@code queue-job.shutdown-timeout-seconds}, is interrupted and
     * its work rolled back before the undeploy returns, and waits again uncounted. Until 2026-12-07 it ran on past the
     * undeploy, its transaction open, while its job, released, could already run again on another server.
     */
    @Test
    void aJobStillRunningAtTheStopsTimeout_isInterruptedAndRolledBackBeforeTheUndeployReturns_andWaitsUncounted()
            throws Exception {
        String name = "leave-it-stop@it/" + Long.toHexString(System.nanoTime());
        WebArchive war = TestDeployments.queueJobWar("leave-it-stop")
                .addAsResource(
                        TestDeployments.configWith(
                                "queue-job.worker-name=" + name, "queue-job.shutdown-timeout-seconds=1"),
                        "META-INF/microprofile-config.properties");
        Path file = Files.createTempFile("leave-it-stop", ".war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        AppServer server = ItEnvironment.domain();
        long id = -1;
        try {
            try {
                server.deploy(file, "leave-it-stop");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> sessionKey(name).isPresent());
                id = enqueueHoldingTheLock();
                await().atMost(Duration.ofSeconds(30)).until(() -> advisoryLockHeld(LOCK_KEY));
                assertThat(row(id, "worker")).as("the job's server").isEqualTo(name);
            } finally {
                server.undeploy("leave-it-stop");
                Files.deleteIfExists(file);
            }

            assertThat(advisoryLockHeld(LOCK_KEY))
                    .as("the run's transaction still open when the undeploy returned")
                    .isFalse();
            assertThat(List.of(row(id, "state"), row(id, "retry"), String.valueOf(row(id, "worker"))))
                    .as("state, tries and worker of the job the stop cut short")
                    .containsExactly("pending", "0", "null");
        } finally {
            if (id > 0) {
                // No later class's deployment may run it: it would hold a worker for two minutes.
                execute("DELETE FROM queue_job WHERE id = " + id);
            }
        }
    }

    /** A job of {@code TestJobs.holdLockUntilInterrupted}, stored as another deployment would; its id. */
    private static long enqueueHoldingTheLock() throws SQLException {
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO queue_job (id, uuid, description, job_function, arguments, state, priority,
                                               max_retries, channel, date_created)
                        VALUES (nextval('queue_job_seq'), gen_random_uuid(), 'held at the stop', ?,
                                jsonb_build_array(CAST(? AS bigint)), 'pending', 10, 5, 'root', now())
                        RETURNING id""")) {
            insert.setString(1, TestJobs.class.getName() + ".holdLockUntilInterrupted");
            insert.setLong(2, LOCK_KEY);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                long id = row.getLong(1);
                execute("NOTIFY queue_job, 'enqueued'");
                return id;
            }
        }
    }

    private static String row(long id, String column) {
        try (Connection connection = connect();
                PreparedStatement query =
                        connection.prepareStatement("SELECT " + column + " FROM queue_job WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : "no such job";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a session holds the advisory lock {@code key} (a one-key lock below 2^31: its {@code objid}). */
    private static boolean advisoryLockHeld(long key) {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT count(*) FROM pg_locks
                         WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid = ? AND objsubid = 1""")) {
            query.setLong(1, key);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The liveness-lock key the record of {@link #NAME} names; empty while there is no record. */
    private static Optional<Integer> sessionKey() {
        return sessionKey(NAME);
    }

    /** The liveness-lock key the record of server {@code name} names; empty while there is no record. */
    private static Optional<Integer> sessionKey(String name) {
        try (Connection connection = connect();
                PreparedStatement query =
                        connection.prepareStatement("SELECT session_key FROM queue_job_instance WHERE name = ?")) {
            query.setString(1, name);
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
