-- Whether a recurring job's runs may overlap. Without it (false, the default, as the original's queue_job_cron
-- no_parallel_queue_job_run), a due tick whose record's last job (last_job_uuid: the last tick's or the last "run now"'s)
-- has not ended enqueues nothing: the tick is claimed as any other (next_run moves on), last_error says why, and the
-- last job stays the one still going on. So a job every minute that runs five does not run five at once, and a
-- schedule faster than its job does not pile up a backlog. Existing records take the default: no overlap.
-- A constant default: PostgreSQL adds the column without rewriting the table.
ALTER TABLE queue_job_recurring ADD COLUMN allow_overlap boolean NOT NULL DEFAULT false;
