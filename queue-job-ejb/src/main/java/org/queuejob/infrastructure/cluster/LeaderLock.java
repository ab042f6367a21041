package org.queuejob.infrastructure.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.queuejob.infrastructure.persistence.QueueJobDataSource;

/**
 * Who dispatches: the server holding a PostgreSQL session advisory lock, on a connection kept for it alone.
 *
 * <p>The lock goes with the session: when the leader's process dies, PostgreSQL ends the session and another server
 * gets the lock at its next try (every poll). A leader that is alive but cut off from the database stops pinging;
 * its session ends after {@link #IDLE_TIMEOUT_SECONDS} ({@code idle_session_timeout}), which frees the lock too.
 *
 * <p>The leader dispatches on this same session ({@link #onSession}). That is the fencing: a statement that runs on
 * the session holding the lock runs while the lock is held, and a session that lost its lock has ended, so a deposed
 * leader's dispatch cannot run at all. Each new leader still records a new term ({@code queue_job_leader.epoch}) for
 * the logs and for every server's readiness check, which reports the recorded leader and whether it still beats.
 */
@ApplicationScoped
public class LeaderLock {

    /** Arbitrary, fixed: the advisory lock key of "the queue's leader" ("queuejob" in ASCII). */
    static final long KEY = 0x71756575_6a6f62L;

    /** The server pings well within this; PostgreSQL ends a silent leader's session after it. */
    static final int IDLE_TIMEOUT_SECONDS = 8;

    /**
     * The longest a statement on the leader's session waits for a row lock. Its statements skip locked rows; this
     * bounds any other wait: one transaction left open must not stop dispatch for the whole cluster.
     */
    static final int LOCK_TIMEOUT_SECONDS = 2;

    static final String ELECTED = """
            UPDATE queue_job_leader SET epoch = epoch + 1, holder = ?, elected_at = now() WHERE id = 1
            RETURNING epoch""";

    private static final Logger LOG = Logger.getLogger(LeaderLock.class.getName());

    @Inject
    @QueueJobDataSource
    DataSource dataSource;

    private Connection session;
    private volatile long epoch = -1;

    /**
     * Set at shutdown, for good: a poll that began before the shutdown cancelled it may still call {@link
     * #holdOrTry} after {@link #release}, and must not take the lock again. It would hold it, dispatching nothing,
     * until the server's process ends.
     */
    private boolean released;

    /**
     * Called every poll: keeps the lock alive when held, tries to take it when not. Returns whether this server
     * leads now. Never throws: a database away means "not leader" until it is back.
     */
    public synchronized boolean holdOrTry(String server) {
        if (released) {
            return false;
        }
        try {
            if (session == null) {
                session = dataSource.getConnection();
                session.setAutoCommit(true);
                try (Statement statement = session.createStatement()) {
                    statement.execute("SET idle_session_timeout = '" + IDLE_TIMEOUT_SECONDS + "s'");
                    statement.execute("SET lock_timeout = '" + LOCK_TIMEOUT_SECONDS + "s'");
                    // The leader's statements commit without waiting for their WAL to reach the disk: see
                    // onSession for why none of them needs to.
                    statement.execute("SET synchronous_commit = off");
                }
            }
            if (epoch >= 0) {
                ping();
                return true;
            }
            if (tryLock()) {
                epoch = recordElection(server);
                LOG.info(() -> server + " is the queue's leader now (epoch " + epoch + ")");
                return true;
            }
            return false;
        } catch (SQLException | RuntimeException e) {
            boolean wasLeader = epoch >= 0;
            drop();
            if (wasLeader) {
                LOG.log(Level.WARNING, server + " lost the queue's leadership with its database session", e);
            } else {
                LOG.log(Level.FINE, "Leader lock not reachable", e);
            }
            return false;
        }
    }

    /** Work done on the leader's session. */
    @FunctionalInterface
    public interface SessionWork<T> {
        T on(Connection session) throws SQLException;
    }

    /**
     * Runs {@code work} on the leader's session, each statement committing on its own; empty when this server does
     * not lead. A failure that ended the session ends the leadership with it (empty); any other failure is thrown.
     *
     * <p>These commits are asynchronous ({@code synchronous_commit = off}): PostgreSQL acknowledges them before their
     * WAL is flushed, which spares the dispatch a disk flush on the way from a job's commit to its start. Nothing is
     * lost by it. What the leader writes (jobs handed to servers, children released, jobs of unknown functions
     * failed) is redone by a later pass if a crash of PostgreSQL drops it; and no job can end on the strength of a
     * dispatch that was not flushed: its done mark commits synchronously, and flushing the WAL up to that commit
     * flushes the earlier dispatch with it.
     */
    public synchronized <T> Optional<T> onSession(SessionWork<T> work) {
        if (epoch < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.on(session));
        } catch (SQLException e) {
            if (sessionBroken()) {
                LOG.log(Level.WARNING, "The queue's leader lost its database session", e);
                drop();
                return Optional.empty();
            }
            throw new IllegalStateException("Dispatch statement failed: " + e.getMessage(), e);
        }
    }

    private boolean sessionBroken() {
        try {
            return !session.isValid(2);
        } catch (SQLException e) {
            return true;
        }
    }

    /** The leader's term, increased by each new leader; negative when this server does not lead. */
    public long epoch() {
        return epoch;
    }

    public boolean isLeader() {
        return epoch >= 0;
    }

    /** Gives the lock up for good (shutdown), so another server takes over at once. */
    public synchronized void release() {
        released = true;
        drop();
    }

    private boolean tryLock() throws SQLException {
        try (Statement statement = session.createStatement();
                ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
            return result.next() && result.getBoolean(1);
        }
    }

    /**
     * The new term, recorded with the leader's name for the logs and the readiness check, on the session that holds the
     * lock, like every write of the leader. Written from another connection, it could arrive after the lock was lost:
     * a server whose new session had been cut off recorded itself as leader after the server that went on to lead
     * (ClusterIT, in the fresh clone of a73c5df), and the record named the wrong leader until the next election.
     */
    private long recordElection(String server) throws SQLException {
        try (PreparedStatement elected = session.prepareStatement(ELECTED)) {
            elected.setString(1, server);
            try (ResultSet term = elected.executeQuery()) {
                if (!term.next()) {
                    throw new SQLException("queue_job_leader has no row: the schema's migrations did not run");
                }
                return term.getLong(1);
            }
        }
    }

    private void ping() throws SQLException {
        try (Statement statement = session.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    /**
     * The session is a pooled connection: before it goes back to the pool it must hold no lock and keep none of
     * the settings made for the leader. A session that cannot even be reset is broken, and the pool's validation discards it.
     */
    private void drop() {
        epoch = -1;
        if (session != null) {
            try (Statement statement = session.createStatement()) {
                statement.execute("SELECT pg_advisory_unlock_all()");
                statement.execute("RESET idle_session_timeout");
                statement.execute("RESET lock_timeout");
                statement.execute("RESET synchronous_commit");
            } catch (SQLException e) {
                LOG.log(Level.FINE, "Leader session not reset (broken?)", e);
            }
            try {
                session.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "Closing the leader session failed", e);
            }
            session = null;
        }
    }
}
