package org.queuejob.it.recurring;

import jakarta.enterprise.context.ApplicationScoped;
import org.queuejob.api.Job;
import org.queuejob.api.Recurring;

/** Recurring jobs declared in code, for RecurringJobsIT: their records are written when the test WAR deploys. */
@ApplicationScoped
public class RecurringTestJobs {

    public static final String NIGHTLY = "it-nightly";
    public static final String MONTHLY = "it-monthly-region";

    @Job(description = "Nightly clean-up")
    @Recurring(name = NIGHTLY, cron = "0 0 4 * * *", zone = "Europe/Brussels")
    public String nightly() {
        return "nightly";
    }

    /** Its arguments come from it-microprofile-config.properties. */
    @Job
    @Recurring(name = MONTHLY, cron = "0 30 3 1 * *", missed = Recurring.Missed.RUN_ONCE)
    public String monthly(String region, int copies) {
        return "monthly " + region + " x" + copies;
    }

    /** Not recurring by code: the tests schedule it through the service. */
    @Job
    public String report(String region) {
        return "report " + region;
    }
}
