package org.queuejob.domain.model.job;

import java.io.Serializable;

/**
 * One group of the job list: its value (a channel, a job function, a state's stored name, an exception class; null
 * for jobs without one), how many jobs match, and their average execution time (null when none ran).
 */
public record JobGroup(String value, long count, Double averageExecMillis) implements Serializable {}
