-- Several servers, one queue. One leader dispatches (pending -> enqueued, no worker yet); every server's workers
-- take dispatched jobs (enqueued -> started, worker = the server) and run them.

-- Liveness: each server beats every few seconds (database time, so servers' clocks do not matter). Jobs held by a
-- server that stopped beating are rescued by the leader.
CREATE TABLE queue_job_instance (
    name          varchar(255) PRIMARY KEY,
    started_at    timestamptz  NOT NULL,
    heartbeat_at  timestamptz  NOT NULL,
    workers       integer      NOT NULL
);

-- Fencing: a server that wins the leader lock bumps the epoch; dispatch statements carry the epoch their leader
-- read and share-lock this row, so a deposed leader's dispatch changes nothing.
CREATE TABLE queue_job_leader (
    id          integer      PRIMARY KEY CHECK (id = 1),
    epoch       bigint       NOT NULL,
    holder      varchar(255),
    elected_at  timestamptz
);
INSERT INTO queue_job_leader (id, epoch) VALUES (1, 0);

-- Dispatched jobs no worker took yet, in the order workers take them.
CREATE INDEX queue_job_dispatched ON queue_job (priority, date_enqueued, id) WHERE state = 'enqueued' AND worker IS NULL;
