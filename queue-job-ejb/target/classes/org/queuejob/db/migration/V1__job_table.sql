-- The job table: one row per delayed call, with the fields of the original's queue.job (§1.C).
-- Time columns are timestamptz: every instant is stored in UTC, whatever the server's zone.

-- EclipseLink reads each nextval as the top of a block of 50 ids, so the first value must be 50.
CREATE SEQUENCE queue_job_seq INCREMENT BY 50 START WITH 50 MINVALUE 50;

CREATE TABLE queue_job (
    id              bigint       PRIMARY KEY,
    uuid            uuid         NOT NULL,
    graph_uuid      uuid,
    version         integer      NOT NULL DEFAULT 0,
    user_name       varchar(255),
    description     varchar(1000) NOT NULL,
    job_function    varchar(500) NOT NULL,
    arguments       jsonb        NOT NULL,
    state           varchar(20)  NOT NULL,
    priority        integer      NOT NULL,
    eta             timestamptz,
    retry           integer      NOT NULL DEFAULT 0,
    max_retries     integer      NOT NULL,
    channel         varchar(255) NOT NULL,
    identity_key    varchar(255),
    date_created    timestamptz  NOT NULL,
    date_enqueued   timestamptz,
    date_started    timestamptz,
    date_done       timestamptz,
    date_cancelled  timestamptz,
    exec_time_ms    bigint,
    worker          varchar(255),
    result          text,
    exc_name        varchar(500),
    exc_message     text,
    exc_info        text,
    CONSTRAINT queue_job_uuid_unique UNIQUE (uuid),
    CONSTRAINT queue_job_state_known CHECK (state IN
        ('wait_dependencies', 'pending', 'enqueued', 'started', 'done', 'cancelled', 'failed')),
    CONSTRAINT queue_job_retries_not_negative CHECK (retry >= 0 AND max_retries >= 0)
);

-- Dependencies as rows rather than the original's JSON column: releasing children is then one indexed UPDATE,
-- and both directions are always consistent (the original's test_depends_store_after quirk cannot happen).
CREATE TABLE queue_job_dependency (
    parent_id bigint NOT NULL REFERENCES queue_job (id) ON DELETE CASCADE,
    child_id  bigint NOT NULL REFERENCES queue_job (id) ON DELETE CASCADE,
    PRIMARY KEY (parent_id, child_id),
    CONSTRAINT queue_job_dependency_not_self CHECK (parent_id <> child_id)
);
CREATE INDEX queue_job_dependency_child ON queue_job_dependency (child_id);

-- Dispatch: the next runnable jobs in (priority, date_created, id) order, and the next eta to wake up for.
-- Partial, so they stay as small as the backlog however many done jobs the table keeps.
CREATE INDEX queue_job_pending ON queue_job (priority, date_created, id) WHERE state = 'pending';
CREATE INDEX queue_job_pending_eta ON queue_job (eta) WHERE state = 'pending' AND eta IS NOT NULL;
-- Recovery: jobs handed to a worker (enqueued / started) per worker.
CREATE INDEX queue_job_in_flight ON queue_job (worker) WHERE state IN ('enqueued', 'started');
-- Back office: the default list (newest first), filtered by state and channel.
CREATE INDEX queue_job_created ON queue_job (date_created DESC, id DESC);
CREATE INDEX queue_job_state_created ON queue_job (state, date_created DESC, id DESC);
CREATE INDEX queue_job_graph ON queue_job (graph_uuid) WHERE graph_uuid IS NOT NULL;
-- Identity keys: only jobs still waiting count as duplicates (the original's partial index, §F7).
CREATE INDEX queue_job_identity_key ON queue_job (identity_key)
    WHERE identity_key IS NOT NULL AND state IN ('wait_dependencies', 'pending', 'enqueued');
