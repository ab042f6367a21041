package org.queuejob.sample;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.queuejob.api.Job;
import org.queuejob.api.RetryableJobException;

/**
 * Jobs of an imaginary shop, for the demo: some succeed, some fail, some ask to be retried, so every state of the
 * back office has something to show. The waits stand in for real work (remote calls, rendering).
 */
@ApplicationScoped
public class SampleJobs {

    @Job(description = "Send the newsletter to a subscriber", channel = "root.mail")
    public String sendNewsletter(String email) {
        work(50, 300);
        return "Newsletter sent to " + email;
    }

    @Job(description = "Synchronise a warehouse's stock", channel = "root.inventory")
    public int syncInventory(int warehouse, List<String> skus) {
        work(100, 600);
        if (chance(0.2)) {
            throw new IllegalStateException("Warehouse " + warehouse + " did not answer in time");
        }
        return skus.size();
    }

    @Job(description = "Charge an order's card", maxRetries = 3)
    public void chargeCard(long orderId, BigDecimal amount) {
        work(50, 200);
        if (chance(0.5)) {
            throw new RetryableJobException("Payment gateway busy for order " + orderId, Duration.ofSeconds(5));
        }
    }

    @Job(description = "Build the daily sales report", priority = 20)
    public String buildReport(LocalDate day, ReportRequest request) {
        work(1000, 3000);
        return "Report for " + day + " (" + request.format() + ", regions " + request.regions() + ")";
    }

    private static boolean chance(double probability) {
        return ThreadLocalRandom.current().nextDouble() < probability;
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
