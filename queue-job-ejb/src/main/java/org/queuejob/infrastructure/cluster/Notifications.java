package org.queuejob.infrastructure.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.queuejob.infrastructure.persistence.QueueJobDataSource;

/**
 * Wake-ups between servers through PostgreSQL's LISTEN/NOTIFY: every server listens on one connection of its own,
 * on a thread of its own. Messages are hints ("jobs were enqueued", "jobs were dispatched", "a slot is free"), never
 * the only way work is found: the poll still looks, so a lost message only costs a poll interval.
 *
 * <p>The connection is pinged when quiet, so a dead one is noticed; after a database restart the listener
 * reconnects by itself.
 */
@ApplicationScoped
public class Notifications {

    public static final String CHANNEL = "queue_job";

    public static final String ENQUEUED = "enqueued";
    public static final String DISPATCHED = "dispatched";
    public static final String FREED = "freed";
    public static final String JOINED = "joined";
    public static final String CHANNELS = "channels";

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());
    private static final Duration WAIT = Duration.ofMillis(500);
    private static final Duration PING_AFTER = Duration.ofSeconds(5);
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);
    private static final String TELL = "SELECT set_config('synchronous_commit', 'off', true), pg_notify(?, ?)";

    @Inject
    @QueueJobDataSource
    DataSource dataSource;

    private volatile boolean listening;
    private volatile boolean connected;
    private volatile Thread thread;
    private volatile int sessionKey;

    /**
     * Starts listening on a thread from {@code threads}; each message is handed to {@code onMessage}. The listening
     * session also holds this server's liveness lock, {@code sessionKey} (see {@link ClusterMembership}): it lives as
     * long as the connection, so the leader sees within a second that this process died or lost its connection.
     */
    public synchronized void start(ThreadFactory threads, Consumer<String> onMessage, int sessionKey) {
        if (thread != null) {
            return;
        }
        this.sessionKey = sessionKey;
        listening = true;
        thread = threads.newThread(() -> listen(onMessage));
        thread.setName("queue-job-listener");
        thread.start();
    }

    /**
     * Wakes the other servers with {@code message}, in a statement of its own on a pooled connection outside any
     * transaction (the caller is the queue's executor), so it is sent at once. Plain JDBC rather than an EJB and the
     * entity manager: a follower's "a slot is free" is on the way from its job's end to its next job's start, and the
     * container's transaction around one statement cost milliseconds there. Failures are quiet: a lost message costs
     * a poll interval.
     *
     * <p>A notification gives its transaction an id, so its commit would wait for the WAL to reach the disk, as a
     * done mark's does; its own statement turns that wait off ({@code synchronous_commit} for this transaction
     * only). Listeners get it as soon as it commits, and a crash of PostgreSQL can lose only the hint.
     */
    public void tell(String message) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement(TELL)) {
            notify.setString(1, CHANNEL);
            notify.setString(2, message);
            notify.execute();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not notify other servers; their poll will find the work", e);
        }
    }

    /** Whether the listener holds a live connection: listening, with this server's liveness lock. */
    public boolean isConnected() {
        return connected;
    }

    public synchronized void stop() {
        listening = false;
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    private void listen(Consumer<String> onMessage) {
        while (listening) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try {
                    receive(connection, onMessage);
                } finally {
                    connected = false;
                    unlisten(connection);
                }
            } catch (SQLException | RuntimeException e) {
                connected = false;
                if (listening) {
                    LOG.log(Level.WARNING, "Queue job listener lost its database connection; reconnecting", e);
                    pause();
                    // Whatever was said while away is found by the poll; a wake-up now makes it sooner.
                    onMessage.accept(ENQUEUED);
                }
            }
        }
    }

    private void receive(Connection connection, Consumer<String> onMessage) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
            statement.execute("SELECT pg_advisory_lock(" + ClusterStatements.LIVENESS_LOCKS + ", " + sessionKey + ")");
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        connected = true;
        long quietSince = System.nanoTime();
        while (listening) {
            PGNotification[] received = postgres.getNotifications((int) WAIT.toMillis());
            if (received != null && received.length > 0) {
                quietSince = System.nanoTime();
                for (PGNotification notification : received) {
                    onMessage.accept(notification.getParameter());
                }
            } else if (System.nanoTime() - quietSince > PING_AFTER.toNanos()) {
                try (Statement ping = connection.createStatement()) {
                    ping.execute("SELECT 1");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    /** The connection goes back to the pool: it must neither keep listening nor keep this server's lock. */
    private static void unlisten(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
            statement.execute("SELECT pg_advisory_unlock_all()");
        } catch (SQLException e) {
            LOG.log(Level.FINE, "UNLISTEN failed (connection broken?)", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RECONNECT_AFTER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
