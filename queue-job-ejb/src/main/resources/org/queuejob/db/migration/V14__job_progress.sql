-- Progress a running job reports (JobContext.progress): percent and a short message, written in transactions of
-- their own (at most one a second per job), so they are seen live and stay with the job whatever its outcome.
-- Neither column is indexed: their updates are HOT and never touch the dispatch indexes.
ALTER TABLE queue_job ADD COLUMN progress smallint CHECK (progress BETWEEN 0 AND 100),
                      ADD COLUMN progress_message varchar(255);
