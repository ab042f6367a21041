/**
 * What the queue tells the world about each job's outcome, after its commit, at no measurable cost on the hot path:
 * in-memory counters and timers (MicroProfile Metrics), the CDI events {@link org.queuejob.api.JobDone}, {@link
 * org.queuejob.api.JobFailed} and {@link org.queuejob.api.JobRetried} (fired only when some bean observes them), and
 * the failure mail (only when configured).
 */
package org.queuejob.infrastructure.observability;
