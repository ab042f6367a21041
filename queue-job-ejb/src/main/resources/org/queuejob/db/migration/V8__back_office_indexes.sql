-- Back office: the Jobs page filters by state and channel and shows the newest first. With one state filter and one
-- channel, this index serves both the page (an index range in date order, stopping after one page) and its count
-- (an index-only range). The existing (state, date_created) index cannot skip the other channels' rows.
CREATE INDEX queue_job_state_channel_created ON queue_job (state, channel, date_created DESC, id DESC);
-- Dashboard and group-by on job function: average execution time per function of done jobs.
CREATE INDEX queue_job_function_state ON queue_job (job_function, state);
