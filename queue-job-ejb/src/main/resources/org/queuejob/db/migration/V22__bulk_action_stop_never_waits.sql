-- A bulk action's chunk holds its record for the chunk's transaction, so that a takeover or a restart's fence (both
-- move the epoch) waits until the chunk has committed and then finds the epoch changed. It used to hold the row with
-- an update (a FOR NO KEY UPDATE lock), which also made a manager's Stop wait for the chunk: for as long as the chunk
-- waited on a job someone else had locked, the Stop button hung. The chunk now takes the weakest lock, FOR KEY SHARE,
-- which only an update of a key column waits for. This index makes the epoch such a column (PostgreSQL treats the
-- columns of a unique, non-partial index as the row's key), so the fence still waits and a Stop, the start's record of
-- its execution or a heartbeat never does. The index is unique because id is: it adds no rule.
CREATE UNIQUE INDEX queue_job_bulk_action_epoch ON queue_job_bulk_action (id, epoch);
