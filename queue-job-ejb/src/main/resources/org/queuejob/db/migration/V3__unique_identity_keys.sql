-- Identity keys, enforced by the database: at most one waiting job (wait_dependencies, pending, enqueued) per key.
-- The original only had a plain index here, so two concurrent enqueues with the same key both got stored.
DROP INDEX queue_job_identity_key;
CREATE UNIQUE INDEX queue_job_identity_key_waiting ON queue_job (identity_key)
    WHERE identity_key IS NOT NULL AND state IN ('wait_dependencies', 'pending', 'enqueued');
