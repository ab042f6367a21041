package org.queuejob.sample;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ThreadLocalRandom;
import org.queuejob.api.Job;
import org.queuejob.api.Recurring;

/**
 * Recurring jobs of the demo shop, so that the back office's "Recurring jobs" screen has something to show: one every
 * minute (its last run moves while you look), one nightly with its argument from configuration.
 */
@ApplicationScoped
public class RecurringSampleJobs {

    @Job(description = "Check the shop's payment gateway")
    @Recurring(name = "gateway-check", cron = "0 * * * * *", zone = "Europe/Brussels")
    public String checkGateway() {
        return "Gateway answered in " + ThreadLocalRandom.current().nextInt(20, 120) + " ms";
    }

    /** The catalogue comes from {@code queue-job.recurring.nightly-reindex.arguments} in the configuration. */
    @Job(description = "Re-index a catalogue", channel = "root.inventory")
    @Recurring(
            name = "nightly-reindex",
            cron = "0 30 2 * * *",
            zone = "Europe/Brussels",
            missed = Recurring.Missed.RUN_ONCE)
    public String reindexCatalogue(String catalogue) {
        return "Catalogue " + catalogue + " re-indexed";
    }
}
