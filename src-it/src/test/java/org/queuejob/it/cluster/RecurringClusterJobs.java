package org.queuejob.it.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import org.queuejob.api.Job;
import org.queuejob.api.Recurring;

/** The two-server recurring test's job: every two seconds, from whichever server claims the tick. */
@ApplicationScoped
public class RecurringClusterJobs {

    public static final String NAME = "cluster-every-2s";

    /**
     * Its runs may overlap: the test counts a job for every tick, and a run not yet ended two seconds later (a busy
     * machine, a dispatch waiting for the leader's next poll) would otherwise skip the next tick.
     */
    @Job
    @Recurring(name = NAME, cron = "*/2 * * * * *", allowOverlap = true)
    public String everyTwoSeconds() {
        return "ticked";
    }
}
