-- PostgreSQL's vacuum may cut the empty pages at the end of a table and give them back to the system. On the job
-- table that does harm twice. The cut takes an ACCESS EXCLUSIVE lock, which stops every dispatch and done mark while
-- it is held. And it leaves the planner statistics of an empty table (no page, no row) when the jobs at the table's
-- end have all been deleted (the autovacuum's deletes, or a queue that ran dry): the hot path's prepared statements
-- are then planned as sequential scans and keep those plans as the table fills again, until the next analyze (a
-- minute or more). Measured on 2026-12-05 with every done job deleted (runs AU and AW, docs/performance-history.md):
-- the done mark took 1.7 ms instead of 0.05 and the continuous benchmark ran at a quarter of its pace; without the
-- cut, at its full pace. Pages freed by deletes are reused by new jobs, so the table does not grow for it.
ALTER TABLE queue_job SET (vacuum_truncate = off);
