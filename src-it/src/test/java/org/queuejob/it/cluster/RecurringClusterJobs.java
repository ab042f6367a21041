package org.queuejob.it.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import org.queuejob.api.Job;
import org.queuejob.api.Recurring;

/** The two-server recurring test's job: every two seconds, from whichever server claims the tick. */
@ApplicationScoped
public class RecurringClusterJobs {

    public static final String NAME = "cluster-every-2s";

    @Job
    @Recurring(name = NAME, cron = "*/2 * * * * *")
    public String everyTwoSeconds() {
        return "ticked";
    }
}
