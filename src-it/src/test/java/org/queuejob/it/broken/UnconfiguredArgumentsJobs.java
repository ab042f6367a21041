package org.queuejob.it.broken;

import jakarta.enterprise.context.ApplicationScoped;
import org.queuejob.api.Job;
import org.queuejob.api.Recurring;

/** A recurring job with a parameter and no configured arguments: its deployment must fail, naming the key to set. */
@ApplicationScoped
public class UnconfiguredArgumentsJobs {

    @Job
    @Recurring(cron = "0 0 * * * *", zone = "Europe/Brussels")
    public void perRegion(String region) {
        // never deployed
    }
}
