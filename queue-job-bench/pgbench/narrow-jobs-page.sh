#!/usr/bin/env bash
# The back office's first Jobs page on 10 million ended jobs, for the job table as it is and for the narrow shape
# (lifecycle.sh prices its hot path): there the page reads a view, the jobs still to run (narrow) and the ended ones
# (narrow, append-only) each joined to their wide, immutable row, and the filter and the order must still be served
# by indexes through that view, or the page that takes milliseconds today takes seconds.
#
#   PGHOST=/tmp/pgx PGPORT=55432 PGUSER=postgres queue-job-bench/pgbench/narrow-jobs-page.sh [database]
#
# The database must have the queue's migrations applied; the script empties queue_job and fills both shapes with the
# same history as the benchmark's age phase (10,000,000 jobs, 90 % done and the rest cancelled, 10 channels, 20 job
# functions, created over the last 60 days; plus 1,000 pending and 100 failed jobs), then runs each query of the page
# (the rows of the first page, and the count up to 10,000 as JobQueries.countAtMost does it) 7 times and prints the
# median execution time. HISTORY=<n> fills fewer.
set -euo pipefail
DB=${1:-q}
HISTORY=${HISTORY:-10000000}
psql_q() { PGOPTIONS='-c client_min_messages=warning' psql -q -X -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

psql_q <<SQL
DROP VIEW IF EXISTS job_all;
DROP TABLE IF EXISTS job_wide, job_active, job_ended;
TRUNCATE queue_job CASCADE;
-- The job table as it is: the history, then the jobs still to run.
INSERT INTO queue_job (id, uuid, description, job_function, arguments, state, priority, max_retries, channel,
                       date_created, date_started, date_done, date_cancelled, exec_time_ms, retry, worker)
SELECT n, gen_random_uuid(), 'history ' || n, 'org.queuejob.bench.History.f' || (n % 20), jsonb_build_array(n),
       CASE WHEN n % 10 = 0 THEN 'cancelled' ELSE 'done' END, 10, 5, 'root.hist' || (n % 10),
       created, CASE WHEN n % 10 <> 0 THEN created + interval '1 second' END,
       CASE WHEN n % 10 <> 0 THEN created + interval '2 seconds' END,
       CASE WHEN n % 10 = 0 THEN created + interval '1 minute' END,
       CASE WHEN n % 10 <> 0 THEN 1000 END, CASE WHEN n % 10 <> 0 THEN 1 ELSE 0 END, 'server-a'
  FROM generate_series(1, $HISTORY) n,
       LATERAL (SELECT now() - interval '60 days' * (1 - n::float8 / $HISTORY)) t(created);
INSERT INTO queue_job (id, uuid, description, job_function, arguments, state, priority, max_retries, channel,
                       date_created, exc_name, exc_message)
SELECT $HISTORY + n, gen_random_uuid(), 'recent ' || n, 'org.queuejob.bench.History.f' || (n % 20),
       jsonb_build_array(n), CASE WHEN n <= 100 THEN 'failed' ELSE 'pending' END, 10, 5, 'root.hist' || (n % 10),
       now() - interval '1 hour' + n * interval '1 second',
       CASE WHEN n <= 100 THEN 'java.io.IOException' END, CASE WHEN n <= 100 THEN 'Disk full' END
  FROM generate_series(1, 1100) n;

-- The narrow shape, from the same rows: wide and immutable; still to run; ended (failed jobs are ended too).
CREATE TABLE job_wide (id bigint PRIMARY KEY, uuid uuid NOT NULL UNIQUE, graph_uuid uuid, user_name varchar(255),
                       description varchar(1000) NOT NULL, job_function varchar(500) NOT NULL, arguments jsonb NOT NULL,
                       max_retries integer NOT NULL, identity_key varchar(255), date_created timestamptz NOT NULL,
                       context jsonb);
CREATE TABLE job_active (id bigint PRIMARY KEY, state varchar(20) NOT NULL, channel varchar(255) NOT NULL,
                         priority integer NOT NULL, date_created timestamptz NOT NULL, eta timestamptz,
                         retry integer NOT NULL DEFAULT 0, worker varchar(255), date_enqueued timestamptz,
                         identity_key varchar(255), version integer NOT NULL DEFAULT 0);
CREATE TABLE job_ended (id bigint PRIMARY KEY, state varchar(20) NOT NULL, channel varchar(255) NOT NULL,
                        priority integer NOT NULL, date_created timestamptz NOT NULL, date_started timestamptz,
                        date_done timestamptz, date_cancelled timestamptz, exec_time_ms bigint, retry integer NOT NULL,
                        worker varchar(255), result text, exc_name varchar(500), exc_message text, exc_info text);
INSERT INTO job_wide SELECT id, uuid, graph_uuid, user_name, description, job_function, arguments, max_retries,
                            identity_key, date_created, context FROM queue_job;
INSERT INTO job_active SELECT id, state, channel, priority, date_created, eta, retry, worker, date_enqueued,
                              identity_key, version FROM queue_job WHERE state NOT IN ('done', 'cancelled', 'failed');
INSERT INTO job_ended SELECT id, state, channel, priority, date_created, date_started, date_done, date_cancelled,
                             exec_time_ms, retry, worker, result, exc_name, exc_message, exc_info
                        FROM queue_job WHERE state IN ('done', 'cancelled', 'failed');
CREATE INDEX ON job_wide (graph_uuid) WHERE graph_uuid IS NOT NULL;
CREATE INDEX ON job_active (priority, date_created, id) WHERE state = 'pending';
CREATE INDEX ON job_active (worker) WHERE state IN ('enqueued', 'started');
CREATE INDEX ON job_active (state, channel, date_created DESC, id DESC) WHERE state NOT IN ('enqueued', 'started');
CREATE INDEX ON job_active (date_created DESC, id DESC);
CREATE INDEX ON job_ended (state, channel, date_created DESC, id DESC);
CREATE INDEX ON job_ended ((coalesce(date_done, date_cancelled))) WHERE state IN ('done', 'cancelled');
CREATE INDEX ON job_ended (date_created DESC, id DESC) WHERE state = 'failed';
-- What the entity would read: every job, wherever its state lives. The union is of the narrow tables alone, joined to
-- the wide rows after it: a union of two joins is not flattened by the planner (an append member must be one table),
-- so its branches could not be merged in index order, and a page of 25 would sort every matching job first. A left
-- join (every narrow row has its wide row) lets the planner leave the wide table out of a query that reads none of its
-- columns, such as the count.
CREATE VIEW job_all AS
SELECT s.id, w.uuid, w.description, w.job_function, w.arguments, s.state, s.channel, s.priority, s.date_created,
       s.eta, s.retry, s.worker, s.date_done, s.date_cancelled, s.exec_time_ms, s.exc_message
  FROM (SELECT id, state, channel, priority, date_created, eta, retry, worker, NULL::timestamptz AS date_done,
               NULL::timestamptz AS date_cancelled, NULL::bigint AS exec_time_ms, NULL::text AS exc_message
          FROM job_active
        UNION ALL
        SELECT id, state, channel, priority, date_created, NULL::timestamptz, retry, worker, date_done, date_cancelled,
               exec_time_ms, exc_message
          FROM job_ended) s
  LEFT JOIN job_wide w ON w.id = s.id;
SQL
psql_q -c "VACUUM ANALYZE queue_job" -c "VACUUM ANALYZE job_wide" -c "VACUUM ANALYZE job_active" \
    -c "VACUUM ANALYZE job_ended"

# $1: label, $2: query; the median of 7 runs' execution times (after one to warm the cache), and the plan's shape.
median() {
    local times
    psql_q -c "$2" >/dev/null
    times=$(for _ in 1 2 3 4 5 6 7; do
        psql_q -tA -c "EXPLAIN (ANALYZE, FORMAT JSON) $2" | python3 -c \
            'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"])'
    done | sort -n | sed -n 4p)
    printf '%-62s %8.1f ms\n' "$1" "$times"
}

COLUMNS="id, uuid, description, job_function, state, channel, priority, date_created, date_done, exc_message"
PAGE="ORDER BY date_created DESC, id DESC LIMIT 25"
DONE_CHANNEL="state IN ('done') AND channel = 'root.hist3'"
DEFAULT_CHANNEL="state IN ('wait_dependencies', 'pending', 'enqueued', 'started', 'failed') AND channel = 'root.hist3'"
for shape in "queue_job:as is" "job_all:narrow"; do
    table=${shape%%:*}
    label=${shape#*:}
    median "$label: done + channel, first page" "SELECT $COLUMNS FROM $table WHERE $DONE_CHANNEL $PAGE"
    median "$label: done + channel, count up to 10,000" "SELECT id FROM $table WHERE $DONE_CHANNEL LIMIT 10001"
    median "$label: default states + channel, first page" "SELECT $COLUMNS FROM $table WHERE $DEFAULT_CHANNEL $PAGE"
    median "$label: default states + channel, count up to 10,000" \
        "SELECT id FROM $table WHERE $DEFAULT_CHANNEL LIMIT 10001"
    median "$label: every state, first page" "SELECT $COLUMNS FROM $table $PAGE"
    median "$label: a job by uuid" "SELECT $COLUMNS FROM $table WHERE uuid = (SELECT uuid FROM job_wide WHERE id = 4242)"
done
psql_q -c "EXPLAIN SELECT $COLUMNS FROM job_all WHERE $DEFAULT_CHANNEL $PAGE"
