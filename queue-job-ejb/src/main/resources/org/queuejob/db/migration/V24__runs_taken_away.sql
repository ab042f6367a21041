-- A job cancelled, set done or requeued by hand while a server runs it leaves that run going on until its method
-- returns (its work is rolled back then): interrupted, it returns within seconds; deaf to the interrupt, or with
-- queue-job.cancel-interrupt false, it may run for long. Each such run is a row here, written in the same transaction
-- as the change by hand, and deleted by its server when the run returns (or, for a server that stopped or died, when
-- it leaves or is rescued). The leader counts these rows as occupying their channels' slots, so that the channel's
-- next job does not run beside the run going on, on whichever server it runs.
--
-- One row per hand-over taken (the job's version when it was handed over): a job requeued while it runs and handed out
-- again may be taken a second time. The table holds a row per run going on, nearly always none; the leader reads it
-- whole with the jobs that occupy slots, each poll. No foreign key: the autovacuum deletes ended jobs without looking
-- here, and a row outliving its job still names a run going on.
CREATE TABLE queue_job_run_taken_away (
    job_id     bigint      NOT NULL,
    version    bigint      NOT NULL,
    worker     text        NOT NULL,
    channel    text        NOT NULL,
    date_taken timestamptz NOT NULL,
    PRIMARY KEY (job_id, version)
);
CREATE INDEX queue_job_run_taken_away_worker ON queue_job_run_taken_away (worker);
