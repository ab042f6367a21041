-- Releasing children of done parents looks at jobs waiting for dependencies; keep that set cheap to find.
CREATE INDEX queue_job_waiting_dependencies ON queue_job (id) WHERE state = 'wait_dependencies';
