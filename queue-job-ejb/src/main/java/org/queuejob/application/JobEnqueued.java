package org.queuejob.application;

import java.util.UUID;

/**
 * Fired when a job is stored. The dispatcher observes it after the storing transaction commits, to start the job
 * at once rather than at its next poll; applications may observe it too.
 */
public record JobEnqueued(UUID uuid, String channel) {}
