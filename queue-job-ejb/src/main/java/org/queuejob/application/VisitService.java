package org.queuejob.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import org.queuejob.domain.model.visit.Visits;
import org.queuejob.infrastructure.config.QueueJobClock;

/**
 * A back-office user's visits: each new session records its start, and learns how many jobs failed since the
 * previous one (the original notifies a job's followers of its failure; a back office has no followers, so it tells
 * each user at their next visit).
 */
@Stateless
public class VisitService {

    @Inject
    Visits visits;

    @Inject
    @QueueJobClock
    Clock clock;

    /** Records a visit of {@code user} now; returns how many jobs failed since their previous one (0 the first time). */
    public long failedSinceLastVisit(String user) {
        return visits.record(user, clock.instant());
    }
}
