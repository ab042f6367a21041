package org.queuejob.infrastructure.persistence;

import static org.queuejob.infrastructure.persistence.JobStatements.ASSIGNED;
import static org.queuejob.infrastructure.persistence.JobStatements.COMPLETE_HELD;
import static org.queuejob.infrastructure.persistence.JobStatements.COMPLETE_HELD_PASSING_SLOT;
import static org.queuejob.infrastructure.persistence.JobStatements.DISPATCH_TO;
import static org.queuejob.infrastructure.persistence.JobStatements.FAILED_UNDER;
import static org.queuejob.infrastructure.persistence.JobStatements.FORGET_RUNS_TAKEN_AWAY_EXCEPT;
import static org.queuejob.infrastructure.persistence.JobStatements.FORGET_RUN_TAKEN_AWAY;
import static org.queuejob.infrastructure.persistence.JobStatements.INSERT;
import static org.queuejob.infrastructure.persistence.JobStatements.INSERT_EDGES;
import static org.queuejob.infrastructure.persistence.JobStatements.INSERT_MANY;
import static org.queuejob.infrastructure.persistence.JobStatements.LOCK_IDENTITY_KEY;
import static org.queuejob.infrastructure.persistence.JobStatements.LOCK_IDENTITY_KEYS;
import static org.queuejob.infrastructure.persistence.JobStatements.MARK_STARTED;
import static org.queuejob.infrastructure.persistence.JobStatements.NEXT_ETA;
import static org.queuejob.infrastructure.persistence.JobStatements.NOT_HELD;
import static org.queuejob.infrastructure.persistence.JobStatements.OCCUPYING;
import static org.queuejob.infrastructure.persistence.JobStatements.PENDING_HEADS;
import static org.queuejob.infrastructure.persistence.JobStatements.PENDING_HEADS_AFTER;
import static org.queuejob.infrastructure.persistence.JobStatements.REJECT_UNKNOWN_FUNCTIONS;
import static org.queuejob.infrastructure.persistence.JobStatements.RELEASE_ABANDONED;
import static org.queuejob.infrastructure.persistence.JobStatements.RELEASE_ALL_READY;
import static org.queuejob.infrastructure.persistence.JobStatements.RELEASE_CHILDREN;
import static org.queuejob.infrastructure.persistence.JobStatements.TAKE_BACK_LEFT;
import static org.queuejob.infrastructure.persistence.JobStatements.WAITING_OUTSIDE_FUNCTIONS;
import static org.queuejob.infrastructure.persistence.JobStatements.WAITING_WITH_KEY;
import static org.queuejob.infrastructure.persistence.JobStatements.WAITING_WITH_KEYS;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.domain.scheduling.CandidateJob;

/**
 * The queue's hot path in plain JDBC: the statements run for every job (store, dispatch, done mark) and the
 * dispatcher's and workers' bookkeeping. No EntityManager and no bean hop per statement: a statement here is a
 * prepared statement on a connection of the queue's data source, and the PostgreSQL driver keeps it prepared on
 * the server.
 *
 * <p>Where a method runs decides its transaction: called inside a JTA transaction (an enqueue, a job's run) it joins
 * it on the connection the container enlisted; called outside one (the dispatcher's and workers' threads) each
 * statement commits on its own. The leader's statements take its session connection, the one holding the leader
 * lock, as an argument.
 */
@ApplicationScoped
public class QueueStore {

    /** The queue's data source, named as in the README; looked up globally, so any module's thread can use it. */
    @Inject
    @QueueJobDataSource
    DataSource dataSource;

    /** A job held by some server, with its row version: the leader counts these against channel capacities. */
    public record Occupant(long id, String channel, String worker, long version) {}

    /** A pending job at the head of its channel, with its function: only a server that has it may run it. */
    public record Head(CandidateJob job, String function) {}

    // ------------------------------------------------------------------------------------------------ enqueue

    /** Stores a new job in the caller's transaction and gives it its id. */
    public void insert(QueueJob job) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, job.uuid());
            insert.setObject(2, job.graphUuid().orElse(null));
            insert.setString(3, job.userName());
            insert.setString(4, job.description());
            insert.setString(5, job.jobFunction());
            insert.setString(6, job.arguments());
            insert.setString(7, job.state().dbValue());
            insert.setInt(8, job.priority());
            insert.setObject(9, micros(job.eta()), Types.BIGINT);
            insert.setInt(10, job.maxRetries());
            insert.setString(11, job.channel());
            insert.setString(12, job.identityKey());
            insert.setLong(13, micros(job.dateCreated()));
            insert.setString(14, job.context());
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                job.stored(id.getLong(1));
            }
        } catch (SQLException e) {
            throw new QueueStoreException("Could not store job " + job.uuid(), e);
        }
    }

    /** Stores many new jobs with one statement, in the caller's transaction, and gives each its id. */
    public void insertAll(List<QueueJob> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        int n = jobs.size();
        UUID[] uuids = new UUID[n];
        UUID[] graphs = new UUID[n];
        String[][] texts = new String[9][n];
        Integer[] priorities = new Integer[n];
        Integer[] maxRetries = new Integer[n];
        for (int i = 0; i < n; i++) {
            QueueJob job = jobs.get(i);
            uuids[i] = job.uuid();
            graphs[i] = job.graphUuid().orElse(null);
            texts[0][i] = job.userName();
            texts[1][i] = job.description();
            texts[2][i] = job.jobFunction();
            texts[3][i] = job.arguments();
            texts[4][i] = job.state().dbValue();
            texts[5][i] = job.eta() == null ? null : job.eta().toString();
            texts[6][i] = job.channel();
            texts[7][i] = job.identityKey();
            texts[8][i] = job.dateCreated().toString();
            priorities[i] = job.priority();
            maxRetries[i] = job.maxRetries();
        }
        Map<UUID, QueueJob> byUuid = new HashMap<>();
        jobs.forEach(job -> byUuid.put(job.uuid(), job));
        String[] contexts = jobs.stream().map(QueueJob::context).toArray(String[]::new);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_MANY)) {
            insert.setArray(1, connection.createArrayOf("uuid", uuids));
            insert.setArray(2, connection.createArrayOf("uuid", graphs));
            insert.setArray(3, text(connection, texts[0]));
            insert.setArray(4, text(connection, texts[1]));
            insert.setArray(5, text(connection, texts[2]));
            insert.setArray(6, text(connection, texts[3]));
            insert.setArray(7, text(connection, texts[4]));
            insert.setArray(8, connection.createArrayOf("int4", priorities));
            insert.setArray(9, text(connection, texts[5]));
            insert.setArray(10, connection.createArrayOf("int4", maxRetries));
            insert.setArray(11, text(connection, texts[6]));
            insert.setArray(12, text(connection, texts[7]));
            insert.setArray(13, text(connection, texts[8]));
            insert.setArray(14, text(connection, contexts));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    byUuid.get(rows.getObject(1, UUID.class)).stored(rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new QueueStoreException("Could not store " + n + " jobs", e);
        }
    }

    /** Stores dependency edges ({@code parents[i]} → {@code children[i]}) with one statement. */
    public void insertEdges(long[] parents, long[] children) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_EDGES)) {
            insert.setArray(1, bigints(connection, parents));
            insert.setArray(2, bigints(connection, children));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new QueueStoreException("Could not store the dependencies of a graph", e);
        }
    }

    /**
     * Locks {@code identityKey} until the caller's transaction ends, then returns the waiting job holding it, if any.
     * Two statements on purpose: the second must see what a transaction that held the lock before committed.
     */
    public Optional<UUID> lockAndFindWaiting(String identityKey) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement(LOCK_IDENTITY_KEY)) {
                lock.setString(1, identityKey);
                lock.executeQuery().close();
            }
            try (PreparedStatement find = connection.prepareStatement(WAITING_WITH_KEY)) {
                find.setString(1, identityKey);
                try (ResultSet row = find.executeQuery()) {
                    return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new QueueStoreException("Could not look up identity key " + identityKey, e);
        }
    }

    /**
     * {@link #lockAndFindWaiting(String)} for the keys of a graph, locked together in one order every transaction
     * shares; returns the waiting job holding each key that has one.
     */
    public Map<String, UUID> lockAndFindWaiting(Collection<String> identityKeys) {
        try (Connection connection = dataSource.getConnection()) {
            Array keys = text(connection, identityKeys.toArray(String[]::new));
            try (PreparedStatement lock = connection.prepareStatement(LOCK_IDENTITY_KEYS)) {
                lock.setArray(1, keys);
                lock.executeQuery().close();
            }
            Map<String, UUID> holders = new HashMap<>();
            try (PreparedStatement find = connection.prepareStatement(WAITING_WITH_KEYS)) {
                find.setArray(1, keys);
                try (ResultSet rows = find.executeQuery()) {
                    while (rows.next()) {
                        holders.put(rows.getString(1), rows.getObject(2, UUID.class));
                    }
                }
            }
            return holders;
        } catch (SQLException e) {
            throw new QueueStoreException("Could not look up the identity keys " + identityKeys, e);
        }
    }

    // ------------------------------------------------------------------------------------------------ workers

    /**
     * The done mark, in the job's own transaction; false when the job is no longer held by {@code worker}, and the
     * caller must then roll the job's work back.
     */
    public boolean complete(long id, long version, String worker, Instant startedAt, Instant doneAt, String result) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement done = connection.prepareStatement(COMPLETE_HELD)) {
            bindDoneMark(done, id, version, worker, startedAt, doneAt, result);
            return done.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new QueueStoreException("Could not mark job " + id + " done", e);
        }
    }

    /**
     * Where a job's channel slot may go when the job is done: to the next pending job of {@code channel} (a configured
     * channel: its jobs and those below it, except below its configured {@code children}) of one of {@code
     * functions}, as long as no channel of {@code path} (the channel and its ancestors) is paused, sequential or
     * throttled in the database.
     */
    public record SlotPass(
            String channel, Collection<String> children, Collection<String> path, Collection<String> functions) {}

    /** What a done mark did: whether it applied, and the job that took the slot on, if one did. */
    public record DoneMark(boolean applied, Optional<ClaimedJob> next) {}

    /**
     * {@link #complete}, passing the job's slot on as {@code pass} says in the same statement: the next job, if any,
     * is this server's when the job's transaction commits, and nobody's if it rolls back.
     */
    public DoneMark completePassingSlot(
            long id, long version, String worker, Instant startedAt, Instant doneAt, String result, SlotPass pass) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement done = connection.prepareStatement(COMPLETE_HELD_PASSING_SLOT)) {
            bindDoneMark(done, id, version, worker, startedAt, doneAt, result);
            done.setString(8, worker);
            done.setLong(9, micros(doneAt));
            done.setString(10, pass.channel());
            done.setString(11, below(pass.channel()));
            done.setArray(12, text(connection, pass.children().toArray(String[]::new)));
            done.setArray(
                    13,
                    text(
                            connection,
                            pass.children().stream().map(QueueStore::below).toArray(String[]::new)));
            done.setArray(14, text(connection, pass.functions().toArray(String[]::new)));
            done.setLong(15, micros(doneAt));
            done.setArray(16, text(connection, pass.path().toArray(String[]::new)));
            try (ResultSet row = done.executeQuery()) {
                row.next();
                boolean applied = row.getLong(JobStatements.PAYLOAD_COLUMNS + 1) == 1;
                row.getLong(1);
                Optional<ClaimedJob> next = row.wasNull() ? Optional.empty() : Optional.of(claimed(row));
                return new DoneMark(applied, next);
            }
        } catch (SQLException e) {
            throw new QueueStoreException("Could not mark job " + id + " done", e);
        }
    }

    /** The parameters of {@link JobStatements#COMPLETE_HELD}, which both done marks start with. */
    private static void bindDoneMark(
            PreparedStatement done,
            long id,
            long version,
            String worker,
            Instant startedAt,
            Instant doneAt,
            String result)
            throws SQLException {
        done.setLong(1, micros(startedAt));
        done.setLong(2, micros(doneAt));
        done.setLong(3, Duration.between(startedAt, doneAt).toMillis());
        done.setString(4, result);
        done.setLong(5, id);
        done.setString(6, worker);
        done.setLong(7, version);
    }

    /** Children of {@code parentId} whose parents are now all done go to pending, in the caller's transaction. */
    public int releaseChildrenOf(long parentId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement release = connection.prepareStatement(RELEASE_CHILDREN)) {
            release.setLong(1, parentId);
            return release.executeUpdate();
        } catch (SQLException e) {
            throw new QueueStoreException("Could not release the children of job " + parentId, e);
        }
    }

    /** Jobs the leader handed to {@code worker} that it does not hold yet (not in {@code held}), in dispatch order. */
    public List<ClaimedJob> assignedTo(String worker, Collection<Long> held) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(ASSIGNED)) {
            query.setString(1, worker);
            query.setArray(2, bigints(connection, held));
            List<ClaimedJob> jobs = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    jobs.add(claimed(rows));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new QueueStoreException("Could not read the jobs handed to " + worker, e);
        }
    }

    /**
     * Marks started the jobs among {@code ids} that {@code worker} still holds and that are still enqueued, job
     * {@code ids[i]} with {@code startedAt[i]} as its start; each statement commits on its own. Returns the ids marked.
     */
    public Set<Long> markStarted(String worker, long[] ids, Instant[] startedAt) {
        long[] micros = new long[startedAt.length];
        for (int i = 0; i < micros.length; i++) {
            micros[i] = micros(startedAt[i]);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement mark = connection.prepareStatement(MARK_STARTED)) {
            Array idArray = bigints(connection, ids);
            mark.setArray(1, bigints(connection, micros));
            mark.setArray(2, idArray);
            mark.setArray(3, idArray);
            mark.setString(4, worker);
            return idsOf(mark);
        } catch (SQLException e) {
            throw new QueueStoreException("Could not mark the running jobs of " + worker + " started", e);
        }
    }

    /**
     * Of the jobs {@code worker} runs ({@code ids[i]} handed over at version {@code versions[i]}), those the database
     * no longer has as its own as handed over ({@link JobStatements#NOT_HELD}).
     */
    public Set<Long> notHeld(String worker, long[] ids, long[] versions) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(NOT_HELD)) {
            query.setArray(1, bigints(connection, ids));
            query.setArray(2, bigints(connection, versions));
            query.setString(3, worker);
            return idsOf(query);
        } catch (SQLException e) {
            throw new QueueStoreException("Could not read whether " + worker + " still holds its running jobs", e);
        }
    }

    /** The job ids in the first column of what {@code statement} returns. */
    private static Set<Long> idsOf(PreparedStatement statement) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    /** {@code worker}'s run of job {@code id} handed over at {@code version}, taken from it by hand, has returned. */
    public void forgetRunTakenAway(String worker, long id, long version) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement forget = connection.prepareStatement(FORGET_RUN_TAKEN_AWAY)) {
            forget.setLong(1, id);
            forget.setLong(2, version);
            forget.setString(3, worker);
            forget.executeUpdate();
        } catch (SQLException e) {
            throw new QueueStoreException("Could not record that a run of job " + id + " taken away returned", e);
        }
    }

    /** Forgets {@code worker}'s runs taken away whose jobs it does not hold (outside {@code held}); how many. */
    public int forgetRunsTakenAwayExcept(String worker, Collection<Long> held) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement forget = connection.prepareStatement(FORGET_RUNS_TAKEN_AWAY_EXCEPT)) {
            forget.setString(1, worker);
            forget.setArray(2, bigints(connection, held));
            return forget.executeUpdate();
        } catch (SQLException e) {
            throw new QueueStoreException("Could not forget the runs of " + worker + " taken away that returned", e);
        }
    }

    /**
     * Jobs {@code worker} holds in the database but not in memory (outside {@code held}) go back to pending, as they
     * were: the server releases them as it stops, so a try cut short by the stop is not the job's and is not counted.
     */
    public int releaseAbandoned(String worker, Collection<Long> held) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement release = connection.prepareStatement(RELEASE_ABANDONED)) {
            release.setString(1, worker);
            release.setArray(2, bigints(connection, held));
            return release.executeUpdate();
        } catch (SQLException e) {
            throw new QueueStoreException("Could not release the jobs of " + worker, e);
        }
    }

    /**
     * At this server's start, the jobs {@code worker} held at its previous run (its process died, or stopped without
     * releasing them) go back to pending, or fail at max retries if their run was cut short ({@link CutShortRuns}).
     */
    public CutShortRuns.TakenBack takeBackLeftByPreviousRun(String worker, Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement takeBack = connection.prepareStatement(TAKE_BACK_LEFT)) {
            takeBack.setString(1, worker);
            try (ResultSet rows = takeBack.executeQuery()) {
                return CutShortRuns.read(rows, now);
            }
        } catch (SQLException e) {
            throw new QueueStoreException("Could not take back the jobs " + worker + " held at its previous run", e);
        }
    }

    // ------------------------------------------------------------------------------------------------ leader

    /**
     * The first {@code limit} pending jobs of a configured channel in dispatch order: jobs of {@code channel} or below
     * it, except below its configured {@code children}, of the given functions or of none of the {@code recorded}
     * ones (no deployment registered them; null while the records are not known), due at {@code now} unless {@code
     * includeFutureEta}, and after {@code after} in dispatch order when given.
     */
    public List<Head> pendingHeads(
            Connection session,
            String channel,
            Collection<String> children,
            int limit,
            boolean includeFutureEta,
            Collection<String> functions,
            Collection<String> recorded,
            Instant now,
            CandidateJob after)
            throws SQLException {
        try (PreparedStatement query = session.prepareStatement(after == null ? PENDING_HEADS : PENDING_HEADS_AFTER)) {
            query.setString(1, channel);
            query.setString(2, below(channel));
            query.setArray(3, text(session, children.toArray(String[]::new)));
            query.setArray(
                    4, text(session, children.stream().map(QueueStore::below).toArray(String[]::new)));
            query.setArray(5, text(session, functions.toArray(String[]::new)));
            query.setArray(6, recorded == null ? null : text(session, recorded.toArray(String[]::new)));
            query.setBoolean(7, includeFutureEta);
            query.setLong(8, micros(now));
            int next = 9;
            if (after != null) {
                query.setInt(next++, after.priority());
                query.setLong(next++, micros(after.dateCreated()));
                query.setLong(next++, after.id());
            }
            query.setInt(next, limit);
            List<Head> heads = new ArrayList<>(limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    heads.add(new Head(
                            new CandidateJob(
                                    rows.getLong(1),
                                    rows.getString(2),
                                    rows.getInt(3),
                                    instant(rows, 4),
                                    instant(rows, 5)),
                            rows.getString(6)));
                }
            }
            return heads;
        }
    }

    /** A job failed because no deployment has its job function. */
    public record Rejected(long id, String channel, String function) {}

    /**
     * Fails the pending jobs among {@code ids} whose job function has no record (no deployment registered it), with
     * {@code exceptionName} and the message {@code messageFormat} (a {@code %s} for the function's name). Jobs whose
     * function has a record after all, or that are no longer pending, are left alone and missing from the result.
     */
    public List<Rejected> rejectUnknownFunctions(
            Connection session, long[] ids, String exceptionName, String messageFormat) throws SQLException {
        try (PreparedStatement update = session.prepareStatement(REJECT_UNKNOWN_FUNCTIONS)) {
            update.setString(1, exceptionName);
            update.setString(2, messageFormat);
            update.setArray(3, bigints(session, ids));
            List<Rejected> rejected = new ArrayList<>();
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    rejected.add(new Rejected(rows.getLong(1), rows.getString(2), rows.getString(3)));
                }
            }
            return rejected;
        }
    }

    /**
     * What a dispatch did: every job it handed out, with the version that names this hand-over, and the leader's own
     * ones ready to run.
     */
    public record Dispatched(Map<Long, Long> versions, List<ClaimedJob> mine) {

        public Set<Long> ids() {
            return versions.keySet();
        }
    }

    /** A LISTEN/NOTIFY message: its channel and payload. */
    public record Notice(String channel, String message) {}

    /**
     * Hands jobs to servers: {@code ids[i]} to {@code workers[i]}, ids sorted ascending. Jobs no longer pending
     * (changed meanwhile) are left alone and missing from the result. When any job went to a server other than
     * {@code me}, the same statement sends {@code othersHear}, delivered when it commits: one round trip and one
     * commit, where a message of its own took a transaction more on the way to the follower's workers.
     */
    public Dispatched dispatch(
            Connection session, long[] ids, String[] workers, String me, Instant now, Notice othersHear)
            throws SQLException {
        try (PreparedStatement update = session.prepareStatement(DISPATCH_TO)) {
            Array idArray = bigints(session, ids);
            update.setArray(1, text(session, workers));
            update.setArray(2, idArray);
            update.setLong(3, micros(now));
            update.setArray(4, idArray);
            update.setString(5, me);
            update.setString(6, me);
            update.setString(7, me);
            update.setString(8, othersHear.channel());
            update.setString(9, othersHear.message());
            Map<Long, Long> dispatched = new HashMap<>();
            List<ClaimedJob> mine = new ArrayList<>();
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    dispatched.put(rows.getLong(1), rows.getLong(11));
                    if (rows.getString(5) != null) {
                        mine.add(claimed(rows));
                    }
                }
            }
            return new Dispatched(dispatched, mine);
        }
    }

    /**
     * What occupies channel slots now, with its channel and server: runs going on after their job was taken from them
     * by hand first, then every job held by a server. A job requeued and handed out again while its old run goes on
     * comes twice; its hold, the hand-over that counts now, comes last.
     */
    public List<Occupant> occupying(Connection session) throws SQLException {
        try (PreparedStatement query = session.prepareStatement(OCCUPYING);
                ResultSet rows = query.executeQuery()) {
            List<Occupant> takenAway = new ArrayList<>();
            List<Occupant> held = new ArrayList<>();
            while (rows.next()) {
                Occupant occupant =
                        new Occupant(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getLong(4));
                (rows.getBoolean(5) ? takenAway : held).add(occupant);
            }
            takenAway.addAll(held);
            return takenAway;
        }
    }

    public int releaseAllReady(Connection session) throws SQLException {
        try (PreparedStatement release = session.prepareStatement(RELEASE_ALL_READY)) {
            return release.executeUpdate();
        }
    }

    /** Failed jobs under a channel (itself and below): a sequential channel stays blocked by them. */
    public Map<Long, String> failedUnder(Connection session, String channel) throws SQLException {
        try (PreparedStatement query = session.prepareStatement(FAILED_UNDER)) {
            query.setString(1, channel);
            query.setString(2, below(channel));
            Map<Long, String> failed = new LinkedHashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    failed.put(rows.getLong(1), rows.getString(2));
                }
            }
            return failed;
        }
    }

    /** The earliest eta still in the future among pending jobs: when the dispatcher must look again. */
    public Optional<Instant> nextEta(Connection session, Instant now) throws SQLException {
        try (PreparedStatement query = session.prepareStatement(NEXT_ETA)) {
            query.setLong(1, micros(now));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.ofNullable(instant(row, 1)) : Optional.empty();
            }
        }
    }

    /** Jobs waiting to run whose job function is not among {@code functions}, counted per function. */
    public Map<String, Long> countWaitingOutside(Collection<String> functions) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(WAITING_OUTSIDE_FUNCTIONS)) {
            query.setArray(1, text(connection, functions.toArray(String[]::new)));
            Map<String, Long> counts = new LinkedHashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new QueueStoreException("Could not count jobs of unknown functions", e);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static ClaimedJob claimed(ResultSet row) throws SQLException {
        return new ClaimedJob(
                row.getLong(1),
                UUID.fromString(row.getString(2)),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getBoolean(6),
                row.getInt(7),
                row.getString(8),
                row.getString(9),
                instant(row, 10),
                row.getLong(11),
                row.getBoolean(12));
    }

    /** The LIKE pattern of the channels below {@code channel}, with LIKE's own characters escaped. */
    static String below(String channel) {
        return channel.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%";
    }

    private static Array text(Connection connection, String[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }

    private static Array bigints(Connection connection, long[] values) throws SQLException {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return connection.createArrayOf("int8", boxed);
    }

    private static Array bigints(Connection connection, Collection<Long> values) throws SQLException {
        return connection.createArrayOf("int8", values.toArray(Long[]::new));
    }

    /** For {@link JobStatements#INSTANT}: microseconds since the epoch (the database keeps no finer). */
    private static Long micros(Instant instant) {
        return instant == null ? null : ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** A column read as {@link JobStatements#epochMicrosOf}: microseconds since the epoch, or null. */
    private static Instant instant(ResultSet row, int column) throws SQLException {
        long micros = row.getLong(column);
        return row.wasNull() ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
