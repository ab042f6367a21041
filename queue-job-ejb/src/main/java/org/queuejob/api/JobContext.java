package org.queuejob.api;

import java.util.Optional;
import java.util.UUID;

/**
 * What job code may know about the job it runs in ({@code @Inject JobContext job;}): empty outside a job, so the
 * same bean can tell whether it was called directly or by the queue.
 */
public interface JobContext {

    /** The running job's uuid; empty when not called by the queue. */
    Optional<UUID> jobUuid();

    /** Which try this is: 1 for the first; 0 when not called by the queue. */
    int attempt();

    /** The user who enqueued the job, when there was one. */
    Optional<String> user();
}
