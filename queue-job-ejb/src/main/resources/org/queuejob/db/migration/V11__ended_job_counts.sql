-- The dashboard's view of ended jobs over the last day, without aggregating a day of jobs on every look: each
-- five-minute period that has passed is counted once (by whichever server gets there first, every five minutes, or
-- at a look) and kept here; only the current period is counted live. Jobs whose end commits late in a period already
-- counted (seconds after it closed) are left out of it.
CREATE TABLE queue_job_count_period (
    period_start  timestamptz PRIMARY KEY,
    counted_at    timestamptz NOT NULL
);

CREATE TABLE queue_job_count (
    period_start  timestamptz  NOT NULL REFERENCES queue_job_count_period (period_start) ON DELETE CASCADE,
    channel       varchar(255) NOT NULL,
    job_function  varchar(500) NOT NULL,
    state         varchar(20)  NOT NULL,
    jobs          bigint       NOT NULL,
    sum_exec_ms   bigint       NOT NULL,
    max_exec_ms   bigint       NOT NULL,
    PRIMARY KEY (period_start, channel, job_function, state)
);
