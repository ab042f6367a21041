package org.queuejob.domain.model.job;

import java.io.Serializable;
import java.util.UUID;

/** A dependency between two jobs: {@code child} waits for {@code parent}. */
public record JobDependency(UUID parent, UUID child) implements Serializable {}
