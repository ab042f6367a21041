package org.queuejob.domain.model.statistics;

/** How many jobs of a channel are in a state (its stored name, as {@code JobState.dbValue()}). */
public record StateCount(String channel, String state, long jobs) {}
