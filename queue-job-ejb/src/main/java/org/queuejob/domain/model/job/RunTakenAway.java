package org.queuejob.domain.model.job;

import java.time.Instant;

/**
 * A run of a job on {@code worker} that goes on after the job was taken from it by hand (cancelled, set done or
 * requeued) at {@code takenAt}: it holds a worker there and a slot of {@code channel} until its method returns, and
 * its work is then rolled back.
 */
public record RunTakenAway(String worker, String channel, Instant takenAt) {}
