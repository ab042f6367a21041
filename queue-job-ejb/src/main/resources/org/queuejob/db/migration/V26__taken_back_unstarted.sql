-- How often a job was taken back from a server that died (the leader's rescue, or that server's own take-back at its
-- next start) while it was still 'enqueued' there: not marked started, so perhaps never started (it may have waited in
-- the server's buffer), perhaps started and crashed the server within its first second (a server marks its runs
-- started after a second). That take-back counts no try. But a job taken back so at least once has its later runs
-- marked started as they begin, not a second later: if it takes a server down again, that try is counted, and the try
-- that reaches its max retries fails it (see RunCutShort), instead of crashing a server after every rescue for ever.
-- A constant default: PostgreSQL adds the column without rewriting the table.
ALTER TABLE queue_job ADD COLUMN taken_back_unstarted integer NOT NULL DEFAULT 0;
