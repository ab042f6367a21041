#!/usr/bin/env bash
# PostgreSQL's CPU per job for ways of marking a job done, each in its own transaction as a worker does, measured
# with pgbench on a local PostgreSQL whose processes this script can read in /proc. What it answers: how much of the
# done mark's cost is the commit itself, the job table's indexes, the wide row, and what a done log with a batched
# apply would cost instead. See README "Performance" for the figures and what they decided.
#
#   PGHOST=/tmp/pgx PGPORT=55432 PGUSER=postgres PGDATA=/tmp/pg17/data queue-job-bench/pgbench/done-mark.sh [database]
#
# ONLY=<regex> runs only the variants whose label matches it (the harness line always runs; the batched apply runs
# with the done log's variant), e.g.
# ONLY='narrow|done mark'. CLIENTS=<n> sets the number of clients (8; the benchmark runs 20 workers), PER_CLIENT=<n>
# the transactions of each (25,000; a small number checks the script quickly).
#
# The database must have the queue's migrations applied (queue-job-ejb/src/main/resources/org/queuejob/db/migration,
# in version order); the script empties queue_job. Each variant: 20,000 + CLIENTS x 25,000 enqueued jobs, then
# CLIENTS clients x 25,000 transactions. Every variant reads one sequence for its job id, which costs ~0.03 ms per
# transaction itself: the "harness" line measures exactly that.
set -euo pipefail
DB=${1:-q}
CLIENTS=${CLIENTS:-8}
PER_CLIENT=${PER_CLIENT:-25000}
JOBS=$((CLIENTS * PER_CLIENT))
. "$(dirname "$0")/common.sh"
. "$(dirname "$0")/scheduler-table.sh"

setup() { # $1: the table to fill with enqueued jobs
    psql_q >/dev/null 2>&1 <<SQL
TRUNCATE queue_job CASCADE;
DROP TABLE IF EXISTS done_log, job_pkey_only, scheduled_like;
DROP SEQUENCE IF EXISTS harness_ids;
CREATE UNLOGGED SEQUENCE harness_ids;
CREATE TABLE done_log (id bigint NOT NULL, worker text NOT NULL, date_started timestamptz,
                       date_done timestamptz NOT NULL, exec_time_ms bigint, result text);
CREATE TABLE job_pkey_only (LIKE queue_job INCLUDING DEFAULTS) WITH (fillfactor = 70);
ALTER TABLE job_pkey_only ADD PRIMARY KEY (id);
-- db-scheduler's shape: its done mark is a DELETE.
$(scheduler_table_sql scheduled_like)
INSERT INTO $1 (id, uuid, description, job_function, arguments, state, priority, max_retries, channel,
                date_created, worker, date_enqueued)
SELECT n, gen_random_uuid(), 'bench ' || n, 'org.queuejob.bench.NoOpJobs.noop', jsonb_build_array(n), 'enqueued',
       10, 5, 'root', now(), 'server-a/worker', now()
  FROM generate_series(1, $JOBS + 20000) n;
VACUUM ANALYZE $1;
CHECKPOINT;
SQL
}

measure() { # $1: label, $2: table to fill, $3: pgbench script
    if [ -n "${ONLY:-}" ] && ! [[ "$1" =~ $ONLY ]] && [[ "$1" != harness* ]]; then
        return
    fi
    if [ "$2" = job_active ]; then
        setup queue_job # the wide rows are there too, untouched by the done mark
        narrow_setup "${4:-}"
    elif [ "$2" = scheduled_like ]; then
        setup queue_job # as above
        scheduled_setup
    else
        setup "$2"
    fi
    local cpu tps
    read -r cpu tps < <(timed_pgbench "$3")
    printf '%-52s %6.3f ms PostgreSQL CPU per transaction, %6.0f tps\n' "$1" "$cpu" "$tps"
}

# db-scheduler's shape filled with picked rows, as its lock-and-fetch leaves them for its workers to delete.
scheduled_setup() {
    psql_q >/dev/null 2>&1 <<SQL
INSERT INTO scheduled_like (task_name, task_instance, task_data, execution_time, picked, picked_by, last_heartbeat,
                            version, priority)
SELECT 'noop', n::text, int4send(n::int), now(), true, 'server-a', now(), 2, 0 FROM generate_series(1, $JOBS + 20000) n;
VACUUM ANALYZE scheduled_like;
CHECKPOINT;
SQL
}

# The narrow shape: the wide row stays as enqueued, immutable; what changes lives in a narrow row of the jobs still to
# run (with the dispatch's and the rescue's indexes), and the done mark moves it to a narrow row of the jobs that
# ended. $1: extra DDL for the ended table (the back office's indexes, to price them).
narrow_setup() {
    psql_q >/dev/null 2>&1 <<SQL
DROP TABLE IF EXISTS job_active, job_ended;
CREATE TABLE job_active (id bigint PRIMARY KEY, state text NOT NULL, worker text, channel text NOT NULL,
                         priority int NOT NULL, eta timestamptz, date_created timestamptz NOT NULL,
                         retry int NOT NULL DEFAULT 0) WITH (fillfactor = 70);
CREATE INDEX ON job_active (priority, date_created, id) WHERE state = 'pending';
CREATE INDEX ON job_active (worker) WHERE state IN ('enqueued', 'started');
CREATE TABLE job_ended (id bigint PRIMARY KEY, state text NOT NULL, worker text, date_created timestamptz NOT NULL,
                        date_started timestamptz, date_done timestamptz NOT NULL, exec_time_ms bigint,
                        result text, retry int NOT NULL);
$1
INSERT INTO job_active (id, state, worker, channel, priority, date_created)
SELECT n, 'enqueued', 'server-a/worker', 'root', 10, now() FROM generate_series(1, $JOBS + 20000) n;
VACUUM ANALYZE job_active;
CHECKPOINT;
SQL
}

NEXT="SELECT nextval('harness_ids') AS id \\gset"
DONE_SET="SET state = 'done', date_started = now(), date_done = now(), exec_time_ms = 1, result = NULL,
    retry = retry + 1, exc_name = NULL, exc_info = NULL, version = version + 1"
HELD="id = :id AND (worker || '') = 'server-a/worker' AND (state || '') IN ('enqueued', 'started')"

# The log applied to the job table afterwards, 200 rows per statement, by one session: part of the done log's variant,
# measured right after it on the rows it logged (the next variant's setup empties both tables).
DONE_LOG="a done log row, the job's row locked FOR SHARE"
apply_log() {
    if [ -n "${ONLY:-}" ] && ! [[ "$DONE_LOG" =~ $ONLY ]]; then
        return
    fi
    local before after
    before=$(pg_cpu)
    for _ in $(seq 1 $((JOBS / 200))); do
        echo "WITH d AS (DELETE FROM done_log WHERE ctid = ANY (ARRAY(SELECT ctid FROM done_log LIMIT 200)) RETURNING *)
              UPDATE queue_job j SET state = 'done', date_started = d.date_started, date_done = d.date_done,
                     exec_time_ms = d.exec_time_ms, result = d.result, retry = j.retry + 1, exc_name = NULL,
                     exc_info = NULL, version = j.version + 1
                FROM d WHERE j.id = d.id AND j.worker = d.worker AND j.state IN ('enqueued', 'started');"
    done | psql_q >/dev/null
    after=$(pg_cpu)
    printf '%-52s %6.3f ms PostgreSQL CPU per job\n' "  + that log applied in batches of 200" \
        "$(echo "scale=4; ($after - $before) * 1000 / $JOBS" | bc)"
    test "$(psql_q -tA -c "SELECT count(*) FROM queue_job WHERE state = 'done'")" -eq $JOBS
}

measure "harness (the id sequence alone)" queue_job "$NEXT"
measure "commit floor (one row into a table without index)" queue_job \
    "$NEXT
INSERT INTO done_log (id, worker, date_done) VALUES (:id, 'x', now());"
measure "db-scheduler's shape: its picked row deleted" scheduled_like \
    "$NEXT
DELETE FROM scheduled_like WHERE task_name = 'noop' AND task_instance = :id::text AND version = 2;"
measure "the done mark (UPDATE of the job's row)" queue_job \
    "$NEXT
UPDATE queue_job $DONE_SET WHERE $HELD;"
measure "the same row with its primary key only (HOT)" job_pkey_only \
    "$NEXT
UPDATE job_pkey_only $DONE_SET WHERE $HELD;"
measure "$DONE_LOG" queue_job \
    "$NEXT
INSERT INTO done_log (id, worker, date_started, date_done, exec_time_ms, result)
SELECT id, worker, now(), now(), 1, NULL FROM queue_job WHERE $HELD FOR SHARE;"
apply_log

NARROW_DONE="$NEXT
WITH a AS (DELETE FROM job_active WHERE id = :id AND worker = 'server-a/worker' AND state IN ('enqueued', 'started')
           RETURNING id, worker, date_created, retry)
INSERT INTO job_ended (id, state, worker, date_created, date_started, date_done, exec_time_ms, result, retry)
SELECT id, 'done', worker, date_created, now(), now(), 1, NULL, retry + 1 FROM a;"
measure "narrow: active row deleted, ended row inserted" job_active "$NARROW_DONE"
measure "narrow, ended with the back office's 2 indexes" job_active "$NARROW_DONE" \
    "CREATE INDEX ON job_ended (date_created DESC, id DESC); CREATE INDEX ON job_ended (date_done);"
