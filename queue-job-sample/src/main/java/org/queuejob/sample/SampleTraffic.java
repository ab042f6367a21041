package org.queuejob.sample;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.queuejob.api.Delayable;
import org.queuejob.api.JobQueue;

/**
 * Keeps sample jobs flowing in the demo: every 3 seconds a few calls to {@link SampleJobs}, stored in this timer's
 * transaction, and every fourth time an order's graph of four jobs over the billing, inventory, mail and shipping
 * channels (configured in this module's {@code microprofile-config.properties}). A tick counter decides which, so within half a minute every outcome has shown up. Off with {@code
 * queue-job.sample.traffic=false}.
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
    JobQueue queue;

    @Inject
    @ConfigProperty(name = "queue-job.sample.traffic", defaultValue = "true")
    boolean enabled;

    private long tick;

    @Schedule(hour = "*", minute = "*", second = "*/3", persistent = false)
    void enqueueSomeJobs() {
        if (!enabled) {
            return;
        }
        long now = tick++;
        jobs.sendNewsletter(SUBSCRIBERS.get((int) (now % SUBSCRIBERS.size())));
        if (now % 2 == 0) {
            int warehouse = (int) (now / 2 % 4) + 1;
            jobs.syncInventory(warehouse, List.of("SKU-" + (100 + now), "SKU-" + (200 + now)));
        }
        if (now % 3 == 1) {
            long orderId = 10_000 + now;
            jobs.chargeCard(orderId, BigDecimal.valueOf(1999 + now * 7, 2));
        }
        if (now % 10 == 5) {
            jobs.buildReport(LocalDate.now().minusDays(1), new ReportRequest("pdf", Set.of("EU", "US")));
        }
        if (now % 4 == 1) {
            enqueueOrder(30_000 + now);
        }
    }

    /** A graph: invoice and stock reservation first, then (both done) the invoice mail and the shipping booking. */
    private void enqueueOrder(long orderId) {
        Delayable invoice = queue.delayable(() -> jobs.invoiceOrder(orderId));
        Delayable reserve = queue.delayable(() -> jobs.reserveStock(orderId));
        Delayable mail = queue.delayable(() -> jobs.mailInvoice(orderId));
        Delayable ship = queue.delayable(() -> jobs.bookShipping(orderId));
        queue.chain(queue.group(invoice, reserve), queue.group(mail, ship)).delay();
    }
}
