-- The Jobs list of ended jobs without a channel, newest first (the done jobs, or every state): with no index in
-- creation order for done and cancelled jobs, PostgreSQL read and sorted all of them for a page of 25, 3.5 s for the
-- done jobs of 10 million and 5 s for every state. The list reads the jobs that ended and those that did not as two
-- ranges, this index's and queue_job_active_created's, and merges them (EndedSplit). Partial, like the other: the
-- done mark adds one entry to it, and no other state change does.
CREATE INDEX queue_job_ended_created ON queue_job (date_created DESC, id DESC) WHERE state IN ('done', 'cancelled');
