package org.queuejob.application;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.autovacuum.AutovacuumRun;
import org.queuejob.domain.model.autovacuum.LoadYield;

/**
 * The autovacuum as the back office shows it: the daily schedule and pace, and the latest runs as read at {@code
 * readAt} (the queue's clock), which is also the "now" of a running run's duration.
 *
 * @param time when the daily run starts, in {@code zone} (the server's)
 * @param yielding how far a run gives way to its server's busy workers
 */
public record AutovacuumOverview(
        boolean scheduled,
        LocalTime time,
        ZoneId zone,
        AutovacuumPace pace,
        LoadYield yielding,
        List<AutovacuumRun> runs,
        Instant readAt) {

    public AutovacuumOverview {
        runs = List.copyOf(runs);
    }
}
