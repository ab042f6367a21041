-- A server can be made quiet from the back office or the API: the leader hands it no new job, it passes no slot on,
-- and it finishes the jobs it holds, so that it can be stopped or looked at without cutting a job short. Quiet while
-- quiet_since is set, by quiet_by (the user who asked). A server clears both when it joins, so a restarted server
-- takes jobs again; a heartbeat leaves them as they are. Neither column is indexed: the table has a row per server.
ALTER TABLE queue_job_instance ADD COLUMN quiet_since timestamptz, ADD COLUMN quiet_by text;
