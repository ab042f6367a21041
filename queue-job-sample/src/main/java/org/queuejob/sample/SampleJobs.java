package org.queuejob.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.queuejob.api.Job;
import org.queuejob.api.JobContext;
import org.queuejob.api.RetryableJobException;

/**
 * Jobs of an imaginary shop, for the demo: some succeed, some fail, some ask to be retried, so every state of the
 * back office has something to show. Outcomes are decided by the arguments, not by chance, so the demo always
 * shows each of them. The waits stand in for real work (remote calls, rendering).
 */
@ApplicationScoped
public class SampleJobs {

    /** The warehouse whose system never answers. */
    static final int BROKEN_WAREHOUSE = 4;

    @Inject
    JobContext context;

    private final Map<Long, Integer> chargeAttempts = new ConcurrentHashMap<>();

    @Job(description = "Send the newsletter to a subscriber", channel = "root.mail")
    public String sendNewsletter(String email) {
        work(50, 300);
        return "Newsletter sent to " + email;
    }

    @Job(description = "Synchronise a warehouse's stock", channel = "root.inventory")
    public int syncInventory(int warehouse, List<String> skus) {
        work(100, 600);
        if (warehouse == BROKEN_WAREHOUSE) {
            throw new IllegalStateException("Warehouse " + warehouse + " did not answer in time");
        }
        return skus.size();
    }

    /** Orders ending in 7 never get through (max retries reached); even orders get through on the second try. */
    @Job(description = "Charge an order's card", maxRetries = 3)
    public String chargeCard(long orderId, BigDecimal amount) {
        work(50, 200);
        int attempt = chargeAttempts.merge(orderId, 1, Integer::sum);
        if (orderId % 10 == 7 || (orderId % 2 == 0 && attempt == 1)) {
            throw new RetryableJobException("Payment gateway busy for order " + orderId, Duration.ofSeconds(5));
        }
        chargeAttempts.remove(orderId);
        return "Charged " + amount + " for order " + orderId;
    }

    /**
     * Reports its progress region by region (the job page follows it live), for some seconds: long enough to be seen
     * as started in the Jobs list while it runs.
     */
    @Job(description = "Build the daily sales report", priority = 20)
    public String buildReport(LocalDate day, ReportRequest request) {
        int steps = 4;
        for (int step = 0; step < steps; step++) {
            context.progress(step * 100 / steps, "Summing region " + (step + 1) + " of " + steps);
            work(1_000, 2_000);
        }
        context.progress(100, "Report written");
        return "Report for " + day + " (" + request.format() + ", regions " + request.regions() + ")";
    }

    // An order's graph (SampleTraffic): invoice and reserve the stock, then mail the invoice and book the shipping.

    @Job(description = "Invoice an order", channel = "root.billing")
    public String invoiceOrder(long orderId) {
        work(100, 400);
        return "Invoice INV-" + orderId + " issued";
    }

    @Job(description = "Reserve an order's stock", channel = "root.inventory")
    public String reserveStock(long orderId) {
        work(100, 400);
        return "Stock reserved for order " + orderId;
    }

    @Job(description = "Mail an order's invoice", channel = "root.mail")
    public String mailInvoice(long orderId) {
        work(50, 300);
        return "Invoice of order " + orderId + " mailed";
    }

    @Job(description = "Book an order's shipping", channel = "root.shipping")
    public String bookShipping(long orderId) {
        work(100, 500);
        return "Shipping booked for order " + orderId;
    }

    private static void work(int minMillis, int maxMillis) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(minMillis, maxMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
