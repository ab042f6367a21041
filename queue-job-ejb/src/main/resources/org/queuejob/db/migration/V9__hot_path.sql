-- The hot path: two row versions per job after its insert (handed to a server, then done) instead of three, and every
-- index paid for on those changes earns its keep. A state change is never a HOT update (state is in the partial
-- indexes' predicates), so each new row version adds an entry to every full index and to every partial index whose
-- predicate it meets: the back office's indexes below are partial so that the in-flight version (enqueued) enters
-- none of them, and the done version only the list index.

-- A job handed to a server is now 'enqueued' with the server as its worker until it ends ('started' used to mean
-- "taken by a worker"); jobs dispatched to no server in particular no longer exist: back to pending.
UPDATE queue_job SET state = 'enqueued' WHERE state = 'started';
UPDATE queue_job SET state = 'pending', date_enqueued = NULL WHERE state = 'enqueued' AND worker IS NULL;
DROP INDEX queue_job_dispatched;

-- Rows are inserted in SQL with nextval per row (JPA allocated blocks of 50 before).
ALTER SEQUENCE queue_job_seq INCREMENT BY 1;

-- Back office. The Jobs list filters by state (and channel) and shows the newest first: one partial index for every
-- state but the in-flight one (those few rows are found through queue_job_in_flight). It replaces
-- queue_job_state_created and queue_job_state_channel_created, both full.
DROP INDEX queue_job_state_created;
DROP INDEX queue_job_state_channel_created;
CREATE INDEX queue_job_list ON queue_job (state, channel, date_created DESC, id DESC)
    WHERE state NOT IN ('enqueued', 'started');
-- The default list (every state but done and cancelled), newest first, without reading the history. Replaces the
-- full queue_job_created.
DROP INDEX queue_job_created;
CREATE INDEX queue_job_active_created ON queue_job (date_created DESC, id DESC)
    WHERE state NOT IN ('done', 'cancelled');
-- Grouping by job function is rare and reads one state's rows anyway; a full index for it cost every job three
-- index entries.
DROP INDEX queue_job_function_state;

-- Identity keys: only jobs surely not started yet (waiting for dependencies, pending) are duplicates: a job handed to
-- a server may be running, and a call made meanwhile must not be swallowed by it. Race-freedom now comes from a
-- transaction-scoped advisory lock per key taken by the enqueue, not from uniqueness: a unique index made every
-- transition back to pending (a retry, a rescue) fail whenever a newer job with the same key was waiting.
DROP INDEX queue_job_identity_key_waiting;
CREATE INDEX queue_job_identity_key_waiting ON queue_job (identity_key)
    WHERE identity_key IS NOT NULL AND state IN ('wait_dependencies', 'pending');

-- Every job leaves two dead row versions behind: vacuum a busy queue table early (the default waits for a fifth of
-- the table to be dead, two million rows when ten million are kept), so that dead entries do not pile up in front
-- of the dispatch index's head.
ALTER TABLE queue_job SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 5000,
                           autovacuum_vacuum_insert_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.02);

-- The leader hands jobs to each server itself: it needs to know what each one can run (its job functions) and how
-- many jobs it may hold at once (its workers plus a prefetch).
ALTER TABLE queue_job_instance ADD COLUMN functions text[] NOT NULL DEFAULT '{}';
ALTER TABLE queue_job_instance ADD COLUMN held_limit integer NOT NULL DEFAULT 0;

-- The dashboard counts ended jobs over the last day (done per hour, slowest functions): this index finds them
-- without reading the history. One entry per job, written with its done mark.
CREATE INDEX queue_job_ended_at ON queue_job ((coalesce(date_done, date_cancelled)))
    WHERE state IN ('done', 'cancelled');
-- A partial index's expression gets no statistics of its own: without these, every range on it is estimated at a
-- third of the table and read by a sequential scan.
CREATE STATISTICS queue_job_ended_at_stats ON (coalesce(date_done, date_cancelled)) FROM queue_job;

-- Each server holds a session advisory lock of its own, keyed by this number, on its listener connection: when the
-- process dies or loses its connection the lock goes at once, and the leader rescues its jobs within seconds
-- instead of waiting for its heartbeat to age.
ALTER TABLE queue_job_instance ADD COLUMN session_key integer;
