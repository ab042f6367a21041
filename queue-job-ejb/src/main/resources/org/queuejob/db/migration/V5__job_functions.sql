-- One record per @Job method (the original's queue.job.function, F27). The default_* columns follow the code and
-- are rewritten at every deployment; channel, retry_pattern and related_action are what back-office staff set, and
-- win while they are not NULL, so an edit survives redeployments and a code change shows once the edit is cleared.
CREATE TABLE queue_job_function (
    name                    varchar(512) PRIMARY KEY,
    default_channel         varchar(255) NOT NULL,
    default_retry_pattern   text,
    default_related_action  text,
    channel                 varchar(255),
    retry_pattern           text,
    related_action          text,
    registered_at           timestamptz  NOT NULL,
    version                 integer      NOT NULL DEFAULT 0
);
