-- Ended jobs are counted per minute, no longer per five minutes: a look at the dashboard counts the current period
-- live, and in the benchmark's run J (2,000 jobs/s) five minutes of jobs made a look take 722 ms (one 5.4 s); a
-- minute of them is a fifth of that at most. The five-minute counts cannot be split into minutes: they are
-- forgotten here (with their periods, ON DELETE CASCADE), and the first look, or the counter a minute later,
-- counts the last day again, minute by minute, from queue_job.
DELETE FROM queue_job_count_period;
