package org.queuejob.application;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.queuejob.domain.model.recurring.MissedTicks;
import org.queuejob.domain.model.recurring.RecurringOrigin;

/**
 * A recurring job as the back office and the API show it.
 *
 * @param channel the channel of its jobs, null for the job function's
 * @param priority the priority of its jobs, null for the {@code @Job} priority
 * @param allowOverlap whether a tick enqueues its job while the last job has not ended (false: it enqueues nothing)
 * @param lastTick the tick of the last job, null when it was run by hand ({@code lastRunBy})
 * @param functionHere whether this server has the job function (a server without it does not tick it)
 */
public record RecurringJobView(
        long id,
        String name,
        String cron,
        String zone,
        String jobFunction,
        String argumentsJson,
        String channel,
        Integer priority,
        MissedTicks missed,
        boolean enabled,
        boolean allowOverlap,
        RecurringOrigin origin,
        Instant nextRun,
        Instant lastTick,
        UUID lastJobUuid,
        Instant lastRunAt,
        String lastRunBy,
        String lastError,
        boolean functionHere)
        implements Serializable {

    public boolean declaredInCode() {
        return origin == RecurringOrigin.CODE;
    }
}
