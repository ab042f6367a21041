#!/usr/bin/env bash
# PostgreSQL's CPU per job over a job's whole life (stored, handed to a server, marked done), for the job table as it
# is and for the narrow shape the README's Performance section weighs: the wide row written once at enqueue and never
# updated, the state in a narrow table of waiting and running jobs and an append-only narrow table of ended jobs.
# done-mark.sh prices the done mark alone; a shape that makes it cheaper but the enqueue or the dispatch dearer must
# show here. Measured with pgbench on a local PostgreSQL whose processes this script can read in /proc.
#
#   PGHOST=/tmp/pgx PGPORT=55432 PGUSER=postgres PGDATA=/tmp/pg17/data queue-job-bench/pgbench/lifecycle.sh [database]
#
# The database must have the queue's migrations applied (queue-job-ejb/src/main/resources/org/queuejob/db/migration,
# in version order); the script empties queue_job. Per shape: JOBS jobs stored 100 per transaction by 2 clients (as
# the benchmark's producer does), handed out 25 per statement by one client in dispatch order (the leader), marked
# done one per transaction by 8 clients (the workers). Each statement does what the queue's does (JobStatements):
# the same columns written and returned, the same conditions; the job's id comes from a sequence read in every done
# transaction ("harness" line: its own cost, the same for both shapes).
#
# DONE_CLIENTS (default 8; the benchmark runs 20 workers) sets the done phase's clients. VACUUM_BEFORE_DONE=0 leaves
# the dispatch's dead row versions and index entries for the done mark to meet, as in the benchmark, where a job's
# done mark follows its dispatch within milliseconds and no vacuum comes between. SHAPES picks the shapes (a regular
# expression over "as is", "narrow", "state table" and "db-scheduler": its own table, lock-and-fetch, the row deleted
# when done).
set -euo pipefail
DB=${1:-q}
JOBS=${JOBS:-200000}
DONE_CLIENTS=${DONE_CLIENTS:-8}
VACUUM_BEFORE_DONE=${VACUUM_BEFORE_DONE:-1}
SHAPES=${SHAPES:-.}

. "$(dirname "$0")/common.sh"
. "$(dirname "$0")/scheduler-table.sh"

# $1: label, $2: clients, $3: transactions per client, $4: script; prints ms of PostgreSQL CPU per job.
phase() {
    printf '%s\n' "$4" > "$WORK/script.sql"
    local before after
    psql_q -c CHECKPOINT >/dev/null
    before=$(pg_cpu)
    pgbench -n -M prepared -c "$2" -j "$2" -t "$3" -f "$WORK/script.sql" "$DB" > "$WORK/pgbench.log" 2>&1 \
        || { cat "$WORK/pgbench.log"; exit 1; }
    after=$(pg_cpu)
    echo "scale=4; ($after - $before) * 1000 / $JOBS" | bc
}

# $1: shape, then the three scripts; prints one line per phase and the sum. A dispatch script that starts with
# "unmeasured:" runs once, as one statement, and is left out of the figures (see db-scheduler's shape below).
shape() {
    local enqueue dispatch done harness
    psql_q -c "DROP SEQUENCE IF EXISTS harness_ids; CREATE UNLOGGED SEQUENCE harness_ids;" >/dev/null
    enqueue=$(phase "$1 enqueue" 2 $((JOBS / 200)) "$2")
    psql_q -c "VACUUM ANALYZE" >/dev/null
    if [[ "$3" == unmeasured:* ]]; then
        psql_q -c "${3#unmeasured:}" >/dev/null
        dispatch=0
    else
        dispatch=$(phase "$1 dispatch" 1 $((JOBS / 25)) "$3")
    fi
    if [ "$VACUUM_BEFORE_DONE" = 1 ]; then psql_q -c "VACUUM ANALYZE" >/dev/null; fi
    psql_q -c "SELECT setval('harness_ids', 50, false)" >/dev/null
    done=$(phase "$1 done" "$DONE_CLIENTS" $((JOBS / DONE_CLIENTS)) "$4")
    psql_q -c "SELECT setval('harness_ids', 50, false);" >/dev/null
    harness=$(phase "$1 harness" "$DONE_CLIENTS" $((JOBS / DONE_CLIENTS)) "SELECT nextval('harness_ids');")
    printf '%-8s enqueue %6.3f  dispatch %6.3f  done %6.3f (harness %5.3f)  sum %6.3f ms PostgreSQL CPU per job\n' \
        "$1" "$enqueue" "$dispatch" "$done" "$harness" "$(echo "$enqueue + $dispatch + $done - $harness" | bc)"
}

echo "$JOBS jobs; done phase: $DONE_CLIENTS clients, vacuum before it: $VACUUM_BEFORE_DONE"

# --- The job table as it is (its real indexes, from the migrations).
if [[ "as is" =~ $SHAPES ]]; then
psql_q >/dev/null <<'SQL'
DROP VIEW IF EXISTS job_all; -- narrow-jobs-page.sh's
DROP TABLE IF EXISTS job_wide, job_active, job_ended, job_state;
TRUNCATE queue_job CASCADE;
SELECT setval('queue_job_seq', 50, false);
SQL
AS_IS_ENQUEUE="INSERT INTO queue_job (id, uuid, graph_uuid, user_name, description, job_function, arguments, state,
                       priority, eta, retry, max_retries, channel, identity_key, date_created, context)
SELECT nextval('queue_job_seq'), gen_random_uuid(), NULL, 'admin', 'bench ' || n,
       'org.queuejob.bench.NoopJobs.noop', jsonb_build_array(n), 'pending', 10, NULL, 0, 5, 'root', NULL,
       clock_timestamp(), NULL
  FROM generate_series(1, 100) n;"
AS_IS_DISPATCH="UPDATE queue_job SET state = 'enqueued', worker = 'server-a', date_enqueued = now(), version = version + 1
 WHERE id = ANY (ARRAY(SELECT id FROM queue_job WHERE state = 'pending' ORDER BY priority, date_created, id LIMIT 25))
   AND state = 'pending'
RETURNING id, CAST(uuid AS text), channel, job_function, CAST(arguments AS text), graph_uuid IS NOT NULL, retry,
          user_name, CAST(context AS text), GREATEST(date_created, eta), version;"
AS_IS_DONE="SELECT nextval('harness_ids') AS id \\gset
UPDATE queue_job SET state = 'done', date_started = now(), date_done = now(), exec_time_ms = 1, result = NULL,
       retry = retry + 1, exc_name = NULL, exc_info = NULL, version = version + 1
 WHERE id = :id AND (worker || '') = 'server-a' AND (state || '') IN ('enqueued', 'started');"
shape "as is" "$AS_IS_ENQUEUE" "$AS_IS_DISPATCH" "$AS_IS_DONE"
test "$(psql_q -tA -c "SELECT count(*) FROM queue_job WHERE state = 'done'")" -eq "$JOBS"
fi

# --- The narrow shape: indexes as the job table's, each on the table whose rows it finds.
if [[ "narrow" =~ $SHAPES ]]; then
psql_q >/dev/null <<'SQL'
TRUNCATE queue_job CASCADE;
DROP TABLE IF EXISTS job_wide, job_active, job_ended;
CREATE TABLE job_wide (id bigint PRIMARY KEY, uuid uuid NOT NULL UNIQUE, graph_uuid uuid, user_name varchar(255),
                       description varchar(1000) NOT NULL, job_function varchar(500) NOT NULL, arguments jsonb NOT NULL,
                       max_retries integer NOT NULL, identity_key varchar(255), date_created timestamptz NOT NULL,
                       context jsonb);
CREATE INDEX ON job_wide (graph_uuid) WHERE graph_uuid IS NOT NULL;
CREATE TABLE job_active (id bigint PRIMARY KEY, state varchar(20) NOT NULL, channel varchar(255) NOT NULL,
                         priority integer NOT NULL, date_created timestamptz NOT NULL, eta timestamptz,
                         retry integer NOT NULL DEFAULT 0, worker varchar(255), date_enqueued timestamptz,
                         identity_key varchar(255), version integer NOT NULL DEFAULT 0);
CREATE INDEX ON job_active (priority, date_created, id) WHERE state = 'pending';
CREATE INDEX ON job_active (eta) WHERE state = 'pending' AND eta IS NOT NULL;
CREATE INDEX ON job_active (worker) WHERE state IN ('enqueued', 'started');
CREATE INDEX ON job_active (id) WHERE state = 'wait_dependencies';
CREATE INDEX ON job_active (identity_key) WHERE identity_key IS NOT NULL AND state IN ('wait_dependencies', 'pending');
CREATE INDEX ON job_active (state, channel, date_created DESC, id DESC) WHERE state NOT IN ('enqueued', 'started');
CREATE INDEX ON job_active (date_created DESC, id DESC);
CREATE TABLE job_ended (id bigint PRIMARY KEY, state varchar(20) NOT NULL, channel varchar(255) NOT NULL,
                        priority integer NOT NULL, date_created timestamptz NOT NULL, date_started timestamptz,
                        date_done timestamptz, date_cancelled timestamptz, exec_time_ms bigint, retry integer NOT NULL,
                        worker varchar(255), result text, exc_name varchar(500), exc_message text, exc_info text);
CREATE INDEX ON job_ended (state, channel, date_created DESC, id DESC);
CREATE INDEX ON job_ended ((coalesce(date_done, date_cancelled))) WHERE state IN ('done', 'cancelled');
CREATE INDEX ON job_ended (date_created DESC, id DESC) WHERE state = 'failed';
SELECT setval('queue_job_seq', 50, false);
SQL
NARROW_ENQUEUE="WITH w AS (
  INSERT INTO job_wide (id, uuid, graph_uuid, user_name, description, job_function, arguments, max_retries,
                        identity_key, date_created, context)
  SELECT nextval('queue_job_seq'), gen_random_uuid(), NULL, 'admin', 'bench ' || n,
         'org.queuejob.bench.NoopJobs.noop', jsonb_build_array(n), 5, NULL, clock_timestamp(), NULL
    FROM generate_series(1, 100) n
  RETURNING id, identity_key, date_created)
INSERT INTO job_active (id, state, channel, priority, date_created, identity_key)
SELECT id, 'pending', 'root', 10, date_created, identity_key FROM w;"
NARROW_DISPATCH="WITH a AS (
  UPDATE job_active SET state = 'enqueued', worker = 'server-a', date_enqueued = now(), version = version + 1
   WHERE id = ANY (ARRAY(SELECT id FROM job_active WHERE state = 'pending' ORDER BY priority, date_created, id LIMIT 25))
     AND state = 'pending'
  RETURNING id, channel, retry, eta, version)
SELECT a.id, CAST(w.uuid AS text), a.channel, w.job_function, CAST(w.arguments AS text), w.graph_uuid IS NOT NULL,
       a.retry, w.user_name, CAST(w.context AS text), GREATEST(w.date_created, a.eta), a.version
  FROM a JOIN job_wide w ON w.id = a.id;"
NARROW_DONE="SELECT nextval('harness_ids') AS id \\gset
WITH a AS (DELETE FROM job_active WHERE id = :id AND (worker || '') = 'server-a' AND (state || '') IN ('enqueued', 'started')
           RETURNING id, channel, priority, date_created, retry, worker)
INSERT INTO job_ended (id, state, channel, priority, date_created, date_started, date_done, exec_time_ms, retry,
                       worker, result)
SELECT id, 'done', channel, priority, date_created, now(), now(), 1, retry + 1, worker, NULL FROM a;"
shape "narrow" "$NARROW_ENQUEUE" "$NARROW_DISPATCH" "$NARROW_DONE"
test "$(psql_q -tA -c "SELECT count(*) FROM job_ended WHERE state = 'done'")" -eq "$JOBS"
psql_q -c "DROP TABLE job_wide, job_active, job_ended;" >/dev/null
fi

# --- The state table (the @SecondaryTable option of docs/hot-path-redesign.md): the wide row written once, the state
# columns in a narrow row that every job keeps, updated in place by the dispatch and the done mark; indexes as the
# job table's, each on the table whose columns it reads. The Jobs page reads one table, and no row moves.
if [[ "state table" =~ $SHAPES ]]; then
psql_q >/dev/null <<'SQL'
TRUNCATE queue_job CASCADE;
DROP TABLE IF EXISTS job_wide, job_state;
CREATE TABLE job_wide (id bigint PRIMARY KEY, uuid uuid NOT NULL UNIQUE, graph_uuid uuid, user_name varchar(255),
                       description varchar(1000) NOT NULL, job_function varchar(500) NOT NULL, arguments jsonb NOT NULL,
                       max_retries integer NOT NULL, context jsonb);
CREATE INDEX ON job_wide (graph_uuid) WHERE graph_uuid IS NOT NULL;
CREATE TABLE job_state (id bigint PRIMARY KEY, state varchar(20) NOT NULL, channel varchar(255) NOT NULL,
                        priority integer NOT NULL, date_created timestamptz NOT NULL, eta timestamptz,
                        retry integer NOT NULL DEFAULT 0, worker varchar(255), date_enqueued timestamptz,
                        date_started timestamptz, date_done timestamptz, date_cancelled timestamptz,
                        exec_time_ms bigint, identity_key varchar(255), version integer NOT NULL DEFAULT 0,
                        result text, exc_name varchar(500), exc_message text, exc_info text);
CREATE INDEX ON job_state (priority, date_created, id) WHERE state = 'pending';
CREATE INDEX ON job_state (eta) WHERE state = 'pending' AND eta IS NOT NULL;
CREATE INDEX ON job_state (worker) WHERE state IN ('enqueued', 'started');
CREATE INDEX ON job_state (id) WHERE state = 'wait_dependencies';
CREATE INDEX ON job_state (identity_key) WHERE identity_key IS NOT NULL AND state IN ('wait_dependencies', 'pending');
CREATE INDEX ON job_state (state, channel, date_created DESC, id DESC) WHERE state NOT IN ('enqueued', 'started');
CREATE INDEX ON job_state (date_created DESC, id DESC) WHERE state NOT IN ('done', 'cancelled');
CREATE INDEX ON job_state (date_created DESC, id DESC) WHERE state IN ('done', 'cancelled');
CREATE INDEX ON job_state ((coalesce(date_done, date_cancelled))) WHERE state IN ('done', 'cancelled');
SELECT setval('queue_job_seq', 50, false);
SQL
STATE_ENQUEUE="WITH w AS (
  INSERT INTO job_wide (id, uuid, graph_uuid, user_name, description, job_function, arguments, max_retries, context)
  SELECT nextval('queue_job_seq'), gen_random_uuid(), NULL, 'admin', 'bench ' || n,
         'org.queuejob.bench.NoopJobs.noop', jsonb_build_array(n), 5, NULL
    FROM generate_series(1, 100) n
  RETURNING id)
INSERT INTO job_state (id, state, channel, priority, date_created, identity_key)
SELECT id, 'pending', 'root', 10, clock_timestamp(), NULL FROM w;"
STATE_DISPATCH="WITH a AS (
  UPDATE job_state SET state = 'enqueued', worker = 'server-a', date_enqueued = now(), version = version + 1
   WHERE id = ANY (ARRAY(SELECT id FROM job_state WHERE state = 'pending' ORDER BY priority, date_created, id LIMIT 25))
     AND state = 'pending'
  RETURNING id, channel, retry, eta, date_created, version)
SELECT a.id, CAST(w.uuid AS text), a.channel, w.job_function, CAST(w.arguments AS text), w.graph_uuid IS NOT NULL,
       a.retry, w.user_name, CAST(w.context AS text), GREATEST(a.date_created, a.eta), a.version
  FROM a JOIN job_wide w ON w.id = a.id;"
STATE_DONE="SELECT nextval('harness_ids') AS id \\gset
UPDATE job_state SET state = 'done', date_started = now(), date_done = now(), exec_time_ms = 1, result = NULL,
       retry = retry + 1, exc_name = NULL, exc_info = NULL, version = version + 1
 WHERE id = :id AND (worker || '') = 'server-a' AND (state || '') IN ('enqueued', 'started');"
shape "state" "$STATE_ENQUEUE" "$STATE_DISPATCH" "$STATE_DONE"
test "$(psql_q -tA -c "SELECT count(*) FROM job_state WHERE state = 'done'")" -eq "$JOBS"
psql_q -c "DROP TABLE job_wide, job_state;" >/dev/null
fi

# --- db-scheduler's own life of a task on its PostgreSQL schema (columns and indexes as done-mark.sh's copy): stored,
# picked by its lock-and-fetch (25 per statement, in its order, SKIP LOCKED), deleted when done.
if [[ "db-scheduler" =~ $SHAPES ]]; then
psql_q >/dev/null <<'SQL'
TRUNCATE queue_job CASCADE;
DROP TABLE IF EXISTS scheduled_life;
SELECT setval('queue_job_seq', 50, false);
SQL
psql_q -c "$(scheduler_table_sql scheduled_life)" >/dev/null
SCHEDULER_ENQUEUE="INSERT INTO scheduled_life (task_name, task_instance, task_data, execution_time, picked, version,
                            priority)
SELECT 'noop', nextval('queue_job_seq')::text, int4send(n), clock_timestamp(), false, 1, 0
  FROM generate_series(1, 100) n;"
# Its lock-and-fetch is not measured here: run on its own, every statement walks the rows picked before it (they
# stay until done, and its index has no condition on picked), which made it cost 1.0 ms per job; in db-scheduler the
# workers delete them within milliseconds. The benchmark measures it as it runs. Here all rows are picked at once.
SCHEDULER_DISPATCH="unmeasured:UPDATE scheduled_life SET picked = true, picked_by = 'server-a', last_heartbeat = now(),
       version = version + 1 WHERE picked = false"
SCHEDULER_DONE="SELECT nextval('harness_ids') AS id \\gset
DELETE FROM scheduled_life WHERE task_name = 'noop' AND task_instance = :id::text AND version = 2;"
shape "db-sched" "$SCHEDULER_ENQUEUE" "$SCHEDULER_DISPATCH" "$SCHEDULER_DONE"
test "$(psql_q -tA -c "SELECT count(*) FROM scheduled_life")" -eq 0
psql_q -c "DROP TABLE scheduled_life;" >/dev/null
fi
psql_q -c "DROP SEQUENCE harness_ids;" >/dev/null
