-- Channels as records (the original's queue.job.channel, §F31), plus what the original could only set by
-- restarting with a new configuration string: capacity, sequential, throttle, and a pause switch.
CREATE SEQUENCE queue_job_channel_seq INCREMENT BY 50 START WITH 50 MINVALUE 50;

CREATE TABLE queue_job_channel (
    id                     bigint       PRIMARY KEY,
    complete_name          varchar(255) NOT NULL,
    capacity               integer,
    sequential             boolean      NOT NULL DEFAULT false,
    throttle_seconds       integer      NOT NULL DEFAULT 0,
    paused                 boolean      NOT NULL DEFAULT false,
    removal_interval_days  integer      NOT NULL DEFAULT 30,
    version                integer      NOT NULL DEFAULT 0,
    CONSTRAINT queue_job_channel_name_unique UNIQUE (complete_name),
    CONSTRAINT queue_job_channel_capacity_not_negative CHECK (capacity IS NULL OR capacity >= 0),
    CONSTRAINT queue_job_channel_sequential_one CHECK (NOT sequential OR capacity = 1),
    CONSTRAINT queue_job_channel_throttle_not_negative CHECK (throttle_seconds >= 0),
    CONSTRAINT queue_job_channel_removal_positive CHECK (removal_interval_days > 0)
);
