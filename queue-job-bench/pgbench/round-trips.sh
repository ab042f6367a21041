#!/usr/bin/env bash
# What the job's own transaction costs PostgreSQL beyond its statements: each done mark below runs once as a
# statement of its own (autocommit, one round trip, as db-scheduler deletes its row) and once as a worker's container
# transaction sends it (BEGIN and the statement in one round trip, as the PostgreSQL driver sends them, then COMMIT in
# a second). Measured with pgbench on a local PostgreSQL whose processes this script can read in /proc.
#
#   PGHOST=/tmp/pgx PGPORT=55432 PGUSER=postgres PGDATA=/tmp/pg17/data queue-job-bench/pgbench/round-trips.sh [database]
#
# CLIENTS=<n> (20, the benchmark's workers), PER_CLIENT=<n> (10,000). The database must have the queue's migrations
# applied (in version order); the script empties queue_job. Every variant also reads one sequence for its job id in
# a statement of its own: the "harness" line measures that alone.
set -euo pipefail
DB=${1:-q}
CLIENTS=${CLIENTS:-20}
PER_CLIENT=${PER_CLIENT:-10000}
JOBS=$((CLIENTS * PER_CLIENT))
. "$(dirname "$0")/common.sh"
. "$(dirname "$0")/scheduler-table.sh"

setup() {
    psql_q >/dev/null 2>&1 <<SQL
TRUNCATE queue_job CASCADE;
DROP TABLE IF EXISTS scheduled_like;
DROP SEQUENCE IF EXISTS harness_ids;
CREATE UNLOGGED SEQUENCE harness_ids;
$(scheduler_table_sql scheduled_like)
INSERT INTO queue_job (id, uuid, description, job_function, arguments, state, priority, max_retries, channel,
                       date_created, worker, date_enqueued)
SELECT n, gen_random_uuid(), 'bench ' || n, 'org.queuejob.bench.NoOpJobs.noop', jsonb_build_array(n), 'enqueued',
       10, 5, 'root', now(), 'server-a/worker', now()
  FROM generate_series(1, $JOBS + 20000) n;
INSERT INTO scheduled_like (task_name, task_instance, task_data, execution_time, picked, picked_by, last_heartbeat,
                            version, priority)
SELECT 'noop', n::text, int4send(n::int), now(), true, 'server-a', now(), 2, 0 FROM generate_series(1, $JOBS + 20000) n;
VACUUM ANALYZE queue_job, scheduled_like;
CHECKPOINT;
SQL
}

measure() { # $1: label, $2: pgbench script
    setup
    local cpu tps
    read -r cpu tps < <(timed_pgbench "$2")
    printf '%-64s %6.3f ms PostgreSQL CPU per job, %6.0f jobs/s\n' "$1" "$cpu" "$tps"
}

NEXT="SELECT nextval('harness_ids') AS id \\gset"
DELETE="DELETE FROM scheduled_like WHERE task_name = 'noop' AND task_instance = :id::text AND version = 2;"
DONE="UPDATE queue_job SET state = 'done', date_started = now(), date_done = now(), exec_time_ms = 1, result = NULL,
    retry = retry + 1, exc_name = NULL, exc_info = NULL, version = version + 1
 WHERE id = :id AND (worker || '') = 'server-a/worker' AND (state || '') IN ('enqueued', 'started');"
# BEGIN and the statement under one Sync, as the driver sends a transaction's first statement; COMMIT after.
in_transaction() { printf '%s\n\\startpipeline\nBEGIN;\n%s\n\\endpipeline\nCOMMIT;\n' "$NEXT" "$1"; }

measure "harness (the id sequence alone)" "$NEXT"
measure "db-scheduler's row deleted, autocommit (1 round trip)" "$NEXT
$DELETE"
measure "db-scheduler's row deleted in a transaction (2 round trips)" "$(in_transaction "$DELETE")"
measure "the queue's done mark, autocommit (1 round trip)" "$NEXT
$DONE"
measure "the queue's done mark in a transaction (2 round trips)" "$(in_transaction "$DONE")"
