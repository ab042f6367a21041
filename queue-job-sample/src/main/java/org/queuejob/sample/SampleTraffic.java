package org.queuejob.sample;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps sample jobs flowing in the demo: every few seconds, a handful of calls to {@link SampleJobs}, each stored
 * in this timer's transaction. Off with {@code queue-job.sample.traffic=false}.
 */
@Singleton
public class SampleTraffic {

    private static final List<String> SUBSCRIBERS = List.of(
            "ada@example.com",
            "linus@example.com",
            "grace@example.com",
            "barbara@example.com",
            "<script>alert('x')</script>@example.com");

    @Inject
    SampleJobs jobs;

    @Inject
    @ConfigProperty(name = "queue-job.sample.traffic", defaultValue = "true")
    boolean enabled;

    @Schedule(hour = "*", minute = "*", second = "*/3", persistent = false)
    void enqueueSomeJobs() {
        if (!enabled) {
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        jobs.sendNewsletter(SUBSCRIBERS.get(random.nextInt(SUBSCRIBERS.size())));
        if (random.nextBoolean()) {
            jobs.syncInventory(
                    random.nextInt(1, 5), List.of("SKU-" + random.nextInt(1000), "SKU-" + random.nextInt(1000)));
        }
        if (random.nextInt(3) == 0) {
            jobs.chargeCard(random.nextLong(10_000, 99_999), BigDecimal.valueOf(random.nextInt(500, 50_000), 2));
        }
        if (random.nextInt(10) == 0) {
            jobs.buildReport(LocalDate.now().minusDays(1), new ReportRequest("pdf", Set.of("EU", "US")));
        }
    }
}
