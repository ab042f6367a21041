package org.queuejob.domain.model.statistics;

import java.time.Instant;
import java.util.UUID;

/** A job of a channel waiting to run (pending or waiting for dependencies). */
public record WaitingJob(String channel, UUID uuid, String description, Instant dateCreated) {}
