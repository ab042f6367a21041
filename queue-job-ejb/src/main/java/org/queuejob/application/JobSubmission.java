package org.queuejob.application;

import java.time.Instant;

/**
 * A job asked for from outside Java (the REST API): the job function's name, its arguments as a JSON array in the
 * parameters' order, and optional call-site options (null = the {@code @Job} defaults).
 */
public record JobSubmission(
        String jobFunction,
        String argumentsJson,
        Integer priority,
        Instant eta,
        Integer maxRetries,
        String description,
        String channel,
        String identityKey) {}
