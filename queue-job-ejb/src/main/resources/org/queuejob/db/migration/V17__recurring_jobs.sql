-- Recurring jobs: a cron schedule in a time zone that enqueues one job of a job function per tick. Declared in code
-- (@Recurring, origin 'CODE': the schedule follows the code at each deployment, enabled stays as staff left it) or
-- created in the back office (origin 'BACK_OFFICE'). Exactly once per tick in a cluster: a server enqueues a tick's
-- job in the transaction that moves next_run on with UPDATE ... WHERE id = ? AND next_run = <the tick it saw>, so of
-- servers racing for one tick, one updates the row and the others update nothing and enqueue nothing.
CREATE SEQUENCE queue_job_recurring_seq;

CREATE TABLE queue_job_recurring (
    id             bigint       PRIMARY KEY DEFAULT nextval('queue_job_recurring_seq'),
    name           varchar(255) NOT NULL UNIQUE,
    cron           varchar(255) NOT NULL,
    zone           varchar(64)  NOT NULL,
    job_function   varchar(512) NOT NULL,
    arguments      text         NOT NULL DEFAULT '[]',  -- a JSON array, one value per parameter
    channel        varchar(255),                        -- NULL: the job function's channel
    priority       integer,                             -- NULL: the @Job priority
    missed         varchar(16)  NOT NULL DEFAULT 'SKIP' CHECK (missed IN ('SKIP', 'RUN_ONCE')),
    enabled        boolean      NOT NULL DEFAULT true,
    origin         varchar(16)  NOT NULL CHECK (origin IN ('CODE', 'BACK_OFFICE')),
    next_run       timestamptz,                         -- NULL when disabled, or when the expression fires no more
    last_tick      timestamptz,                         -- the tick of the last job; NULL for a "Run now"
    last_job_uuid  uuid,
    last_run_at    timestamptz,
    last_run_by    varchar(255),                        -- who pressed "Run now"; NULL for the schedule
    last_error     text,                                -- why the last due tick enqueued nothing, if it failed
    created_at     timestamptz  NOT NULL,
    version        integer      NOT NULL DEFAULT 0
);

-- What every server reads each second: the enabled records that are due.
CREATE INDEX queue_job_recurring_due ON queue_job_recurring (next_run) WHERE enabled;
