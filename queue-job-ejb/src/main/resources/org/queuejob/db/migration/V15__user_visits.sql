-- When each back-office user last came, so the back office can say how many jobs failed since then.
CREATE TABLE queue_job_visit (
    user_name   varchar(255) PRIMARY KEY,
    last_visit  timestamptz  NOT NULL
);
