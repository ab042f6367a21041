package org.queuejob.domain.model.job;

import java.util.UUID;

/**
 * A job may run now: stored, requeued or rescheduled. Fired in the transaction that made it so; the dispatcher
 * observes it to dispatch once that transaction commits rather than at its next poll. Applications may observe it
 * too.
 */
public record JobEnqueued(UUID uuid, String channel) {}
