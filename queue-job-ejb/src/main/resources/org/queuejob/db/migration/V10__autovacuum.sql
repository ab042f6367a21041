-- Autovacuum runs (the original's F33, done as a Jakarta Batch job): one row per run, kept as its record for the
-- back office, and the guard that lets one run at a time exist in the whole cluster.
CREATE TABLE queue_job_autovacuum_run (
    id            bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at    timestamptz      NOT NULL,
    started_by    varchar(255)     NOT NULL,   -- a user, or 'schedule'
    server        varchar(255)     NOT NULL,   -- the worker name of the server that runs it
    as_of         timestamptz      NOT NULL,   -- deadlines are as_of minus each channel's removal interval
    outcome       varchar(20)      NOT NULL,
    reason        varchar(1000),               -- one line, for a failed or stopped run
    finished_at   timestamptz,
    rows_deleted  bigint           NOT NULL DEFAULT 0,
    chunks        integer          NOT NULL DEFAULT 0,
    working_ms    bigint           NOT NULL DEFAULT 0,   -- time spent in chunks, pauses excluded
    chunk_size    integer          NOT NULL,
    max_duty      double precision NOT NULL,
    execution_id  bigint,                      -- the Jakarta Batch execution on that server
    heartbeat_at  timestamptz      NOT NULL DEFAULT now(),   -- database time, so servers' clocks do not matter
    CONSTRAINT queue_job_autovacuum_outcome_known CHECK (outcome IN ('running', 'completed', 'failed', 'stopped'))
);

-- The guard: at most one running run, whichever server inserts it. A second start meets this index, not a timing.
CREATE UNIQUE INDEX queue_job_autovacuum_one_running ON queue_job_autovacuum_run ((true)) WHERE outcome = 'running';
