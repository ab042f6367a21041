/**
 * How an operator watches the queue on the platform's standard endpoints: MicroProfile Health checks (liveness of the
 * poll and worker loops; readiness of the database, the schema, the leader and the listener) and MicroProfile Metrics
 * gauges (jobs waiting per channel and state from one cached query, the leader flag, workers, dispatch passes, rescued
 * jobs). The per-job counters and timers are the observability package's.
 */
package org.queuejob.infrastructure.monitoring;
