package org.queuejob.infrastructure.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
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
    /** A server was made quiet or takes jobs again: each reads its own state, the leader everyone's. */
    public static final String QUIET = "quiet";

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());
    private static final Duration WAIT = Duration.ofMillis(500);
    private static final Duration PING_AFTER = Duration.ofSeconds(5);
    /** A listener answers a stop within {@link #WAIT}, plus its clean-up's two statements. */
    private static final Duration STOP_WAIT = WAIT.multipliedBy(6);

    /**
     * Tries to reconnect after a loss: the first this soon, each failed one doubling the wait up to {@link
     * #QUICK_RECONNECT} while the loss is younger than {@link #QUICK_FOR} (a database restart takes a few seconds,
     * and the server runs its cut-off jobs again as soon as the listener is back), then every {@link #SLOW_RECONNECT}
     * (each failed try is a failed connection the pool logs, several lines each).
     */
    private static final Duration FIRST_RECONNECT = Duration.ofMillis(50);

    private static final Duration QUICK_RECONNECT = Duration.ofMillis(250);
    private static final Duration QUICK_FOR = Duration.ofSeconds(10);
    private static final Duration SLOW_RECONNECT = Duration.ofSeconds(2);
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
     *
     * <p>{@code onReconnected} runs on the listener's thread each time it has its connection back after losing it:
     * the database answers again (restarted, reachable again), and whatever was said or left undone meanwhile can be
     * looked at now rather than at the next poll.
     */
    public synchronized void start(
            ThreadFactory threads, Consumer<String> onMessage, Runnable onReconnected, int sessionKey) {
        if (thread != null) {
            return;
        }
        this.sessionKey = sessionKey;
        listening = true;
        thread = threads.newThread(() -> listen(onMessage, onReconnected));
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

    /**
     * Stops listening, and waits (up to {@link #STOP_WAIT}) for the listener to give back its connection without
     * this server's liveness lock. Waited for because a stop is an application stopping: once it returns, the
     * container may take the application's classes and data source away, and a pooled connection that still held
     * the lock would keep this server alive to the others, its name taken, until the pool closed it.
     */
    public synchronized void stop() {
        listening = false;
        Thread listener = thread;
        thread = null;
        if (listener == null) {
            return;
        }
        listener.interrupt();
        try {
            listener.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (listener.isAlive()) {
            LOG.warning(() -> "Queue job listener did not stop within " + STOP_WAIT.toMillis() + " ms; its connection"
                    + " may hold this server's liveness lock until it does");
        }
    }

    private void listen(Consumer<String> onMessage, Runnable onReconnected) {
        long lostAt = 0; // System.nanoTime() of the loss; 0 while the connection stands
        Duration wait = FIRST_RECONNECT;
        while (listening) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try {
                    subscribe(connection);
                    connected = true;
                    if (lostAt != 0) {
                        long lostFor = System.nanoTime() - lostAt;
                        LOG.info(() -> String.format(
                                Locale.ROOT,
                                "Queue job listener has its database connection back after %.1f s",
                                lostFor / 1e9));
                        lostAt = 0;
                        wait = FIRST_RECONNECT;
                        reconnected(onReconnected);
                    }
                    receive(connection, onMessage);
                } finally {
                    connected = false;
                    if (!listening) {
                        // The stop's interrupt is not for the clean-up: a pool may refuse to take back a connection
                        // on an interrupted thread.
                        Thread.interrupted();
                    }
                    unlisten(connection);
                }
            } catch (SQLException | RuntimeException e) {
                connected = false;
                if (listening) {
                    if (lostAt == 0) {
                        lostAt = System.nanoTime();
                        LOG.log(Level.WARNING, "Queue job listener lost its database connection; reconnecting", e);
                    } else {
                        // Once per outage is enough: the database is still away, and its own log says why.
                        LOG.log(Level.FINE, "Queue job listener could not reconnect yet", e);
                    }
                    pause(wait);
                    wait = nextWait(wait, Duration.ofNanos(System.nanoTime() - lostAt));
                }
            }
        }
    }

    static Duration nextWait(Duration wait, Duration lostFor) {
        if (lostFor.compareTo(QUICK_FOR) >= 0) {
            return SLOW_RECONNECT;
        }
        Duration doubled = wait.multipliedBy(2);
        return doubled.compareTo(QUICK_RECONNECT) > 0 ? QUICK_RECONNECT : doubled;
    }

    private static void reconnected(Runnable onReconnected) {
        try {
            onReconnected.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look for work after reconnecting; the poll will", e);
        }
    }

    /** Listens, and takes this server's liveness lock on the same session. */
    private void subscribe(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
            statement.execute("SELECT pg_advisory_lock(" + ClusterStatements.LIVENESS_LOCKS + ", " + sessionKey + ")");
        }
    }

    private void receive(Connection connection, Consumer<String> onMessage) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
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

    /**
     * The connection goes back to the pool: it must neither keep listening nor keep this server's lock. When that
     * cannot be made sure of, whatever went wrong (even an {@code Error}, as a stopping application's classes go),
     * the connection is aborted rather than given back: its session ends, and the lock with it.
     */
    private static void unlisten(Connection connection) {
        boolean unlocked = false;
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
            statement.execute("SELECT pg_advisory_unlock_all()");
            unlocked = true;
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "UNLISTEN failed (connection broken?)", e);
        } finally {
            if (!unlocked) {
                abort(connection);
            }
        }
    }

    private static void abort(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not abort the listener's connection", e);
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
