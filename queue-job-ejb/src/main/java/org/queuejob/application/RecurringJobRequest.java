package org.queuejob.application;

import org.queuejob.domain.model.recurring.MissedTicks;

/**
 * A recurring job as staff write it (the back office's form): name, schedule, job function with its arguments as a
 * JSON array, and optionally a channel and priority (null: the job function's). Checked by {@link
 * RecurringJobService}, never taken unchecked.
 *
 * @param allowOverlap whether a tick enqueues its job while the last job has not ended; false: it enqueues nothing
 */
public record RecurringJobRequest(
        String name,
        String cron,
        String zone,
        String jobFunction,
        String argumentsJson,
        String channel,
        Integer priority,
        MissedTicks missed,
        boolean enabled,
        boolean allowOverlap) {}
