package org.queuejob.infrastructure.persistence;

import static org.queuejob.domain.model.job.JobTransition.COMPLETE;
import static org.queuejob.domain.model.job.JobTransition.DISPATCH;
import static org.queuejob.domain.model.job.JobTransition.REJECT_UNKNOWN_FUNCTION;
import static org.queuejob.domain.model.job.JobTransition.RELEASE;
import static org.queuejob.domain.model.job.JobTransition.RELEASE_CHILD;
import static org.queuejob.domain.model.job.JobTransition.START;

/**
 * The SQL of the queue's hot path, in one place: what dispatch, the workers and the enqueue run for every job. State
 * conditions and target states come from {@link org.queuejob.domain.model.job.JobTransition}, the state table the
 * {@code QueueJob} aggregate follows too.
 */
final class JobStatements {

    private JobStatements() {}

    /**
     * An instant as microseconds since the epoch (a {@code bigint} parameter), made a {@code timestamptz} by the
     * database, exactly: the driver's own conversion of a date parameter (formatting it as text, per call) cost a
     * tenth of a job's CPU in the server.
     */
    static final String INSTANT = "(timestamptz 'epoch' + ? * interval '1 microsecond')";

    /**
     * A {@code timestamptz} read back as microseconds since the epoch ({@code bigint}), as {@link #INSTANT} binds
     * them: Payara's JDBC wrapper answers {@code getObject(i, OffsetDateTime.class)} by reflection, looking the
     * method up on every call, which was a third of the dispatcher's time reading the heads of its channels.
     */
    static String epochMicrosOf(String timestamp) {
        return "CAST(extract(epoch FROM " + timestamp + ") * 1000000 AS bigint)";
    }

    /** What a worker needs to run a job without reading it again, and the version that names its hand-over. */
    /** How many columns {@link #PAYLOAD} has: a statement that returns more after it reads them from the next one on. */
    static final int PAYLOAD_COLUMNS = 12;

    static final String PAYLOAD = "id, CAST(uuid AS text), channel, job_function, CAST(arguments AS text),"
            + " graph_uuid IS NOT NULL, retry, user_name, CAST(context AS text), "
            + epochMicrosOf("GREATEST(date_created, eta)") + ", version, taken_back_unstarted > 0";

    static final String INSERT = """
            INSERT INTO queue_job (id, uuid, graph_uuid, user_name, description, job_function, arguments, state,
                                   priority, eta, retry, max_retries, channel, identity_key, date_created, context)
            VALUES (nextval('queue_job_seq'), ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, %s, 0, ?, ?, ?, %s, CAST(? AS jsonb))
            RETURNING id""".formatted(INSTANT, INSTANT);

    /** Many jobs in one statement, one array per column (a graph of a thousand jobs is one round trip). */
    static final String INSERT_MANY = """
            INSERT INTO queue_job (id, uuid, graph_uuid, user_name, description, job_function, arguments, state,
                                   priority, eta, retry, max_retries, channel, identity_key, date_created, context)
            SELECT nextval('queue_job_seq'), u.uuid, u.graph, u.user_name, u.description, u.function,
                   CAST(u.arguments AS jsonb), u.state, u.priority, CAST(u.eta AS timestamptz), 0, u.max_retries,
                   u.channel, u.identity_key, CAST(u.created AS timestamptz), CAST(u.context AS jsonb)
              FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]),
                          CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS int[]),
                          CAST(? AS text[]), CAST(? AS int[]), CAST(? AS text[]), CAST(? AS text[]),
                          CAST(? AS text[]), CAST(? AS text[]))
                   AS u(uuid, graph, user_name, description, function, arguments, state, priority, eta,
                        max_retries, channel, identity_key, created, context)
            RETURNING uuid, id""";

    static final String INSERT_EDGES = """
            INSERT INTO queue_job_dependency (parent_id, child_id)
            SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[]))""";

    /**
     * Serialises enqueues of one identity key until the transaction ends, so that checking for a waiting twin and
     * storing are atomic (the two-argument form keeps the queue's locks apart from an application's own).
     */
    static final String LOCK_IDENTITY_KEY =
            "SELECT pg_advisory_xact_lock(" + LockSpaces.IDENTITY_KEYS + ", hashtext(?))";

    /**
     * Serialises enqueues of several identity keys (a graph's) as {@link #LOCK_IDENTITY_KEY} does one: in the order of
     * their lock keys, the same in every transaction, so that two graphs naming the same keys in other orders wait for
     * each other rather than deadlock.
     */
    static final String LOCK_IDENTITY_KEYS = "SELECT pg_advisory_xact_lock(" + LockSpaces.IDENTITY_KEYS
            + ", lock_key) FROM (SELECT DISTINCT hashtext(key) AS lock_key FROM unnest(CAST(? AS text[])) AS key"
            + " ORDER BY lock_key) AS keys";

    /**
     * Duplicates are jobs surely not started: a job handed to a server may be running (see V9). The one found is
     * share-locked until the caller's transaction ends: the leader hands out only rows no one has locked, so the job
     * the caller is told stands for its call cannot start before that call's own changes are committed (or rolled
     * back), and run without seeing them.
     */
    static final String WAITING_WITH_KEY = "SELECT uuid FROM queue_job WHERE identity_key = ?"
            + " AND state IN ('wait_dependencies', 'pending') ORDER BY id LIMIT 1 FOR SHARE";

    /** {@link #WAITING_WITH_KEY} for several keys: the first waiting job of each, share-locked. */
    static final String WAITING_WITH_KEYS = """
            SELECT identity_key, uuid FROM queue_job
             WHERE id IN (SELECT min(id) FROM queue_job
                           WHERE identity_key = ANY (CAST(? AS text[])) AND state IN ('wait_dependencies', 'pending')
                           GROUP BY identity_key)
               FOR SHARE""";

    /**
     * A pending job is not handed out while a run of it goes on that was taken from it by hand (requeued while it ran,
     * and deaf to the interrupt: see {@code V24}): it waits for that run to return, so that it never runs twice at
     * once, and the slot that run holds is never counted for both. Nearly always a probe of an empty table. Written
     * for a query on {@code queue_job} itself, unaliased.
     */
    private static final String NO_RUN_GOING_ON =
            "NOT EXISTS (SELECT 1 FROM queue_job_run_taken_away taken WHERE taken.job_id = queue_job.id)";

    /**
     * A channel's next jobs, in dispatch order: those of the job functions some live server has, and those of
     * functions no deployment has registered (the second array: the recorded ones; NULL while not known), which the
     * leader then fails. Jobs of a function registered but on no live server are passed over: they wait for one. So
     * are jobs whose old run goes on ({@link #NO_RUN_GOING_ON}): read, the leader would skip them as running, and
     * the channel's jobs behind them, not read, would wait too.
     * {@code LIKE} patterns come escaped, so an underscore in a channel name is not a wildcard.
     */
    private static final String HEADS = """
            SELECT id, channel, priority, %s, %s, job_function FROM queue_job
             WHERE %s
               AND %s
               AND (channel = ? OR channel LIKE ?)
               AND NOT (channel = ANY (CAST(? AS text[])) OR channel LIKE ANY (CAST(? AS text[])))
               AND (job_function = ANY (CAST(? AS text[])) OR NOT (job_function = ANY (CAST(? AS text[]))))
               AND (? OR eta IS NULL OR eta <= %s)
               %s
             ORDER BY priority, date_created, id
             LIMIT ?""";

    static final String PENDING_HEADS = HEADS.formatted(
            epochMicrosOf("date_created"), epochMicrosOf("eta"), DISPATCH.sqlCondition(), NO_RUN_GOING_ON, INSTANT, "");

    /** {@link #PENDING_HEADS} resuming after a position in dispatch order: a row comparison the index serves. */
    static final String PENDING_HEADS_AFTER = HEADS.formatted(
            epochMicrosOf("date_created"),
            epochMicrosOf("eta"),
            DISPATCH.sqlCondition(),
            NO_RUN_GOING_ON,
            INSTANT,
            "AND (priority, date_created, id) > (?, " + INSTANT + ", ?)");

    /**
     * The leader hands the jobs it chose to servers (T6): job {@code ids[i]} gets {@code workers[i]} as worker. Run on
     * the leader's own session, the one holding the leader lock, so a deposed leader cannot run it at all. Rows are
     * found by primary key ({@code id = ANY}, not a join with the arrays, which the planner may turn into a scan of
     * every pending row). A row another transaction has locked is skipped, not waited for: the leader dispatches for
     * every server and channel, and a transaction left open on one pending job (an application's cancel before a long
     * task, a person's SQL) would otherwise stop all dispatch until it ended. A skipped job is not returned, so it stays
     * at the head of its channel and is chosen again at the next pass. The payload is returned
     * only for the leader's own jobs: they go straight to its workers. A job handed to another server makes the
     * statement NOTIFY (channel and payload the last two parameters); PostgreSQL delivers one message per transaction
     * however many rows call it, at the commit, when the rows are there to be read.
     */
    static final String DISPATCH_TO = """
            UPDATE queue_job SET state = '%s', worker = (CAST(? AS text[]))[array_position(CAST(? AS bigint[]), id)],
                   date_enqueued = %s, version = version + 1
             WHERE id = ANY (ARRAY(SELECT id FROM queue_job WHERE id = ANY (CAST(? AS bigint[])) AND %s
                                    ORDER BY id FOR UPDATE SKIP LOCKED))
               AND %s
            RETURNING id, CAST(uuid AS text), channel, job_function,
                      CASE WHEN worker = ? THEN CAST(arguments AS text) END, graph_uuid IS NOT NULL, retry, user_name,
                      CASE WHEN worker = ? THEN CAST(context AS text) END, %s, version, taken_back_unstarted > 0,
                      CASE WHEN worker <> ? THEN CAST(pg_notify(?, ?) AS text) END""".formatted(
                    DISPATCH.to().dbValue(),
                    INSTANT,
                    DISPATCH.rowCondition(),
                    DISPATCH.rowCondition(),
                    epochMicrosOf("GREATEST(date_created, eta)"));

    /**
     * A server's jobs the leader handed to it that it does not hold: new ones, and runs whose end could not be
     * recorded (the database away), which it runs again. Those may have been marked started while they ran, so every
     * state a held job can complete from is read, not only the hand-over's.
     */
    static final String ASSIGNED = """
            SELECT %s FROM queue_job
             WHERE %s AND worker = ? AND NOT (id = ANY (CAST(? AS bigint[])))
             ORDER BY priority, date_created, id""".formatted(PAYLOAD, COMPLETE.sqlCondition());

    /**
     * What occupies channel slots, on every server: jobs handed to a server that have not ended ({@code false} in the
     * last column), and runs that go on after their job was taken from them by hand ({@code true}; see {@code V24}).
     */
    static final String OCCUPYING = """
            SELECT id, channel, worker, version, false FROM queue_job WHERE %s
            UNION ALL
            SELECT job_id, channel, worker, version, true FROM queue_job_run_taken_away""".formatted(COMPLETE.sqlCondition());

    /** A server's run whose job was taken from it by hand has returned: its slot is free. */
    static final String FORGET_RUN_TAKEN_AWAY =
            "DELETE FROM queue_job_run_taken_away WHERE job_id = ? AND version = ? AND worker = ?";

    /**
     * A server's runs taken away whose jobs it no longer holds (outside the given ids): they returned and their
     * server could not say so then (the database was away), or never started (the job was cancelled before the server
     * read that it had it), or ran in an earlier life of the server.
     */
    static final String FORGET_RUNS_TAKEN_AWAY_EXCEPT =
            "DELETE FROM queue_job_run_taken_away WHERE worker = ? AND NOT (job_id = ANY (CAST(? AS bigint[])))";

    /**
     * The worker's done mark (T9 + T10), in the job's own transaction: applies only if the job is still held by this
     * server as it was handed over (its version); otherwise (cancelled, set done by hand, rescued while it ran, or
     * requeued and handed to this server again, whose new run is then the one that counts) the caller rolls the job's
     * work back. The
     * row is found by primary key only: worker and state are checked on it (see {@code JobTransition.rowCondition}),
     * or the planner may read every entry of the in-flight index for this worker, dead ones included, per job.
     */
    static final String COMPLETE_HELD =
            """
            UPDATE queue_job SET state = '%s', date_started = %s, date_done = %s, exec_time_ms = ?, result = ?,
                   retry = retry + 1, exc_name = NULL, exc_info = NULL, version = version + 1
             WHERE id = ? AND (worker || '') = ? AND version = ? AND %s""".formatted(COMPLETE.to().dbValue(), INSTANT, INSTANT, COMPLETE.rowCondition());

    /**
     * The done mark of {@link #COMPLETE_HELD} that also passes the job's channel slot on (T9 + T10, then T6 for the
     * next job), one statement in the job's own transaction: when the done mark applies, the next pending job of the
     * same configured channel (as the leader's heads read picks it: same channel conditions, dispatch order, due,
     * of a job function this server has, no old run of it going on) goes to this server, unless a channel on its path
     * is paused, sequential or throttled now (those are the leader's to decide). Both commit with the job's work or
     * neither does. The next job's row is skipped, not waited for, when another transaction holds it (the leader's
     * dispatch, a cancel). One row always comes back: the next job's payload (all null when none was taken) and
     * whether the done mark applied.
     */
    static final String COMPLETE_HELD_PASSING_SLOT = """
            WITH done AS (
            %1$s
                RETURNING id),
            next AS (
                UPDATE queue_job SET state = '%3$s', worker = ?, date_enqueued = %2$s, version = version + 1
                 WHERE id = (SELECT id FROM queue_job
                              WHERE %4$s
                                AND (channel = ? OR channel LIKE ?)
                                AND NOT (channel = ANY (CAST(? AS text[])) OR channel LIKE ANY (CAST(? AS text[])))
                                AND job_function = ANY (CAST(? AS text[]))
                                AND (eta IS NULL OR eta <= %2$s)
                                AND EXISTS (SELECT 1 FROM done)
                                AND %7$s
                                AND NOT EXISTS (SELECT 1 FROM queue_job_channel
                                                 WHERE complete_name = ANY (CAST(? AS text[]))
                                                   AND (paused OR sequential OR throttle_seconds > 0))
                              ORDER BY priority, date_created, id
                              LIMIT 1 FOR UPDATE SKIP LOCKED)
                   AND %5$s
                RETURNING %6$s)
            SELECT next.*, (SELECT count(*) FROM done) FROM (VALUES (1)) AS one (x) LEFT JOIN next ON true""".formatted(
                    COMPLETE_HELD,
                    INSTANT,
                    DISPATCH.to().dbValue(),
                    DISPATCH.sqlCondition(),
                    DISPATCH.rowCondition(),
                    PAYLOAD,
                    NO_RUN_GOING_ON);

    /**
     * A server marks its jobs that have run for a while started (T9 late): job {@code ids[i]} started at
     * {@code micros[i]}. Autocommitted on its own, never in a job's transaction. Only rows this server still holds and
     * that are still enqueued change, and a row another transaction has locked is skipped, not waited for: it is the
     * job's own done mark, or someone's cancel, and the mark is tried again a second later if the job still runs. The
     * version is not raised: it names the hand-over, which the leader counts slots by, and this is not one.
     */
    static final String MARK_STARTED = """
            UPDATE queue_job SET state = '%1$s',
                   date_started = timestamptz 'epoch'
                                  + (CAST(? AS bigint[]))[array_position(CAST(? AS bigint[]), id)] * interval '1 microsecond'
             WHERE id = ANY (ARRAY(SELECT id FROM queue_job WHERE id = ANY (CAST(? AS bigint[]))
                                      AND (worker || '') = ? AND %2$s
                                    ORDER BY id FOR UPDATE SKIP LOCKED))
               AND %2$s
            RETURNING id""".formatted(START.to().dbValue(), START.rowCondition());

    /**
     * Of a server's runs, given as job ids and the versions their hand-overs gave the rows, those whose rows it no
     * longer holds as handed over: cancelled, set done or requeued by hand (perhaps handed out again since), rescued,
     * or deleted. A read, taking no lock: a run whose own done mark commits meanwhile reads as gone too, and has left
     * its method by then. Rows by primary key, their other columns checked on them (see {@code
     * JobTransition.rowCondition}).
     */
    static final String NOT_HELD = """
            SELECT r.run_id FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[])) AS r (run_id, run_version)
             WHERE NOT EXISTS (SELECT 1 FROM queue_job
                                WHERE id = r.run_id AND version = r.run_version AND (worker || '') = ? AND %s)""".formatted(COMPLETE.rowCondition());

    /** T3 for the children of one parent: parents done in other transactions, or in this one, are all seen. */
    static final String RELEASE_CHILDREN = """
            UPDATE queue_job c SET state = '%s', version = version + 1
             WHERE c.%s
               AND c.id IN (SELECT child_id FROM queue_job_dependency WHERE parent_id = ?)
               AND NOT EXISTS (SELECT 1 FROM queue_job_dependency d JOIN queue_job p ON p.id = d.parent_id
                                WHERE d.child_id = c.id AND p.state <> 'done')""".formatted(RELEASE_CHILD.to().dbValue(), RELEASE_CHILD.sqlCondition());

    /**
     * The safety net of T3: two parents finishing at once may each have seen the other not done yet. Run by the leader
     * at each poll, it skips children another transaction has locked (their parent's done mark is committing, or
     * someone holds them): the leader must never wait on a lock, and the next poll looks again.
     */
    static final String RELEASE_ALL_READY =
            """
            UPDATE queue_job c SET state = '%s', version = version + 1
             WHERE c.id = ANY (ARRAY(SELECT r.id FROM queue_job r
                                      WHERE r.%s
                                        AND NOT EXISTS (SELECT 1 FROM queue_job_dependency d
                                                          JOIN queue_job p ON p.id = d.parent_id
                                                         WHERE d.child_id = r.id AND p.state <> 'done')
                                      ORDER BY r.id FOR UPDATE OF r SKIP LOCKED))
               AND %s""".formatted(RELEASE_CHILD.to().dbValue(), RELEASE_CHILD.sqlCondition(), RELEASE_CHILD.rowCondition());

    /**
     * T7/T8 as a server stops: jobs it holds but is not running (outside the given ids) go back to pending, uncounted
     * ({@link org.queuejob.domain.model.job.RunCutShort}).
     */
    static final String RELEASE_ABANDONED = """
            UPDATE queue_job SET state = '%s', date_enqueued = NULL, date_started = NULL, worker = NULL,
                   version = version + 1
             WHERE %s AND worker = ? AND NOT (id = ANY (CAST(? AS bigint[])))""".formatted(RELEASE.to().dbValue(), RELEASE.sqlCondition());

    /** At a server's start, the jobs ?1 held at its previous run come back ({@link CutShortRuns}). */
    static final String TAKE_BACK_LEFT = CutShortRuns.takingBack(
            "",
            "SELECT id, worker FROM queue_job WHERE %s AND worker = ? FOR UPDATE".formatted(RELEASE.sqlCondition()));

    /**
     * Pending jobs among ?3 whose job function has no record (no deployment ever registered it) fail without running,
     * with ?1 as exception name and ?2 formatted with the function's name as message; the record is looked for here,
     * so a function registered a moment ago is never failed. Rows by primary key, locked in id order.
     */
    static final String REJECT_UNKNOWN_FUNCTIONS =
            """
            UPDATE queue_job j SET state = '%s', exc_name = ?, exc_message = format(CAST(? AS text), j.job_function), exc_info = NULL,
                   version = j.version + 1
             WHERE j.id = ANY (CAST(? AS bigint[])) AND %s
               AND NOT EXISTS (SELECT 1 FROM queue_job_function f WHERE f.name = j.job_function)
            RETURNING j.id, j.channel, j.job_function""".formatted(REJECT_UNKNOWN_FUNCTION.to().dbValue(), REJECT_UNKNOWN_FUNCTION.rowCondition());

    static final String FAILED_UNDER =
            "SELECT id, channel FROM queue_job WHERE state = 'failed' AND (channel = ? OR channel LIKE ?)";

    static final String NEXT_ETA = "SELECT " + epochMicrosOf("min(eta)") + " FROM queue_job WHERE "
            + DISPATCH.sqlCondition() + " AND eta > " + INSTANT;

    static final String WAITING_OUTSIDE_FUNCTIONS = """
            SELECT job_function, count(*) FROM queue_job
             WHERE state IN ('wait_dependencies', 'pending') AND NOT (job_function = ANY (CAST(? AS text[])))
             GROUP BY job_function ORDER BY job_function""";

    /** Keys of the two-argument advisory locks the queue takes, so they never meet an application's. */
    static final class LockSpaces {

        /** "qjik" in ASCII. */
        static final int IDENTITY_KEYS = 0x716a696b;

        private LockSpaces() {}
    }
}
