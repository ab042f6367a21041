package org.queuejob.it.broken;

import jakarta.enterprise.context.ApplicationScoped;
import org.queuejob.api.Job;
import org.queuejob.api.Recurring;

/** A recurring job with a five-field (Unix) cron: its deployment must fail, naming the method and the expression. */
@ApplicationScoped
public class MalformedCronJobs {

    @Job
    @Recurring(cron = "0 */5 * * *")
    public void everyFiveMinutes() {
        // never deployed
    }
}
