package org.queuejob.it.broken;

import jakarta.enterprise.context.ApplicationScoped;
import org.queuejob.api.Job;

/** Job functions whose {@code @Job} defaults break the rules of a job's options: their deployment must fail. */
@ApplicationScoped
public class BrokenJobDefaultsJobs {

    @Job(channel = "root.mail:3")
    public void capacityInTheChannelName() {}

    @Job(maxRetries = -1)
    public void negativeRetries() {}

    @Job(timeoutSeconds = -5)
    public void negativeTimeout() {}
}
