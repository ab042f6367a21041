# Sourced by the scripts of this folder: db-scheduler's table as its PostgreSQL schema has it (columns and indexes;
# ids for names), under the name given.

# $1: the table's name; prints its SQL.
scheduler_table_sql() {
    cat <<SQL
CREATE TABLE $1 (task_name text NOT NULL, task_instance text NOT NULL, task_data bytea,
                 execution_time timestamptz NOT NULL, picked boolean NOT NULL, picked_by text,
                 last_success timestamptz, last_failure timestamptz, consecutive_failures int,
                 last_heartbeat timestamptz, version bigint NOT NULL, priority smallint,
                 PRIMARY KEY (task_name, task_instance));
CREATE INDEX ON $1 (execution_time);
CREATE INDEX ON $1 (last_heartbeat);
CREATE INDEX ON $1 (priority DESC, execution_time ASC);
SQL
}
