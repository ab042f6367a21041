-- Allow-listed values of the enqueuing caller's context (locale, time zone, application keys), restored when the
-- job runs (the original's allow-listed context, F21).
ALTER TABLE queue_job ADD COLUMN context jsonb;
