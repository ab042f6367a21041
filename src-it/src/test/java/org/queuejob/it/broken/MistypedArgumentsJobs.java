package org.queuejob.it.broken;

import jakarta.enterprise.context.ApplicationScoped;
import org.queuejob.api.Job;
import org.queuejob.api.Recurring;

/** A recurring job whose configured arguments do not fit its parameters: its deployment must fail, naming the key. */
@ApplicationScoped
public class MistypedArgumentsJobs {

    public static final String NAME = "it-mistyped";

    @Job
    @Recurring(name = NAME, cron = "0 0 * * * *")
    public void copies(String region, int copies) {
        // never deployed
    }
}
