-- Bulk actions (requeue, set done, cancel, change priority or channel on many jobs) run as Jakarta Batch jobs. This
-- row is their record, shown on every server, and their portable checkpoint: last_id and the counts are written in
-- the transaction of each chunk, with the jobs' changes, so that a resumed action (on any server, after any restart)
-- continues right after the last job changed and changes every job exactly once. The batch runtime's own job
-- repository (per domain in Payara) is not needed to resume.
CREATE TABLE queue_job_bulk_action (
    id                 bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    action             varchar(30)      NOT NULL,   -- BulkAction's name
    priority           integer,                     -- the new priority, for CHANGE_PRIORITY
    channel            varchar(255),                -- the new channel, for CHANGE_CHANNEL
    filter             jsonb            NOT NULL,   -- the Jobs screen's filter, or {} for a selection
    filter_text        varchar(1000)    NOT NULL,   -- the filter, as people read it
    selection          bigint[],                    -- the selected jobs' ids; null: every job matching the filter
    max_id             bigint           NOT NULL,   -- jobs created after the start are left out
    started_by         varchar(255)     NOT NULL,
    started_at         timestamptz      NOT NULL,
    ended_at           timestamptz,
    outcome            varchar(20)      NOT NULL,
    reason             varchar(1000),               -- one line, for a failed or stopped action
    stop_requested     boolean          NOT NULL DEFAULT false,
    matched            bigint           NOT NULL,   -- jobs the action applied to when it started
    changed            bigint           NOT NULL DEFAULT 0,
    skipped_state      bigint           NOT NULL DEFAULT 0,   -- not changed: no longer in a state it applies to
    skipped_gone       bigint           NOT NULL DEFAULT 0,   -- not changed: deleted meanwhile
    last_id            bigint           NOT NULL DEFAULT 0,   -- the checkpoint: the last job id gone through
    chunks             integer          NOT NULL DEFAULT 0,
    working_ms         bigint           NOT NULL DEFAULT 0,
    chunk_size         integer          NOT NULL,
    max_duty           double precision NOT NULL,
    server             varchar(255)     NOT NULL,   -- the worker name of the server running it (or that ran it)
    epoch              integer          NOT NULL DEFAULT 1,   -- fencing: +1 on every resume and takeover
    executions         integer          NOT NULL DEFAULT 1,
    execution_id       bigint,                      -- the Jakarta Batch execution on that server
    heartbeat_at       timestamptz      NOT NULL DEFAULT now(),   -- database time
    CONSTRAINT queue_job_bulk_action_outcome_known
        CHECK (outcome IN ('running', 'completed', 'failed', 'stopped'))
);

-- The recovery sweep of every server reads the running actions.
CREATE INDEX queue_job_bulk_action_running ON queue_job_bulk_action (id) WHERE outcome = 'running';
