package org.queuejob.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.it.support.DeployedDemoEar;

/**
 * The bulk machinery at scale, on demand only ({@code -Dqueuejob.bulk.scale=1000000}): that many failed jobs requeued
 * by one bulk action started through the REST API of the demo EAR, at the default pace (200 jobs per chunk, half
 * the time; the README's figure was taken at full duty, `queue-job.bulk.max-duty=1`). Prints the time and the rate from the action's record; asserts that every job was requeued once.
 */
@ExtendWith(DeployedDemoEar.class)
@EnabledIfSystemProperty(named = "queuejob.bulk.scale", matches = "\\d+")
class BulkActionScaleIT {

    @Test
    void requeueOfManyFailedJobs_byOneBulkAction() {
        int jobs = Integer.parseInt(System.getProperty("queuejob.bulk.scale"));
        String channel = JobRows.uniqueChannel("bulk-scale");
        Instant inserting = Instant.now();
        JobRows.insertMany(jobs, channel, "failed");
        System.out.printf(
                Locale.ROOT, "Inserted %,d failed jobs in %s%n", jobs, Duration.between(inserting, Instant.now()));
        Api manager = Api.asManager();
        try {
            Api.Reply started = manager.post(
                    "/bulk-actions",
                    "{\"action\":\"requeue\",\"filter\":{\"channel\":\"" + channel + "\",\"states\":[\"failed\"]}}");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            String progress = started.json().getString("progressUrl");

            JsonObject finished = await().atMost(Duration.ofHours(2))
                    .pollInterval(Duration.ofSeconds(5))
                    .until(() -> manager.get(progress).json(), status -> status.getBoolean("finished"));

            assertThat(finished.getString("state")).isEqualTo("completed");
            assertThat(finished.getJsonNumber("changed").longValue()).isEqualTo(jobs);
            Duration took = Duration.between(
                    Instant.parse(finished.getString("startedAt")), Instant.parse(finished.getString("endedAt")));
            long chunks = JobRows.count(
                    "SELECT chunks FROM queue_job_bulk_action WHERE id = ?",
                    finished.getJsonNumber("id").longValue());
            System.out.printf(
                    Locale.ROOT,
                    "BULK SCALE: %,d jobs requeued by bulk action %d in %.1f s = %,.0f jobs/s (%d chunks)%n",
                    jobs,
                    finished.getJsonNumber("id").longValue(),
                    took.toMillis() / 1000.0,
                    jobs * 1000.0 / took.toMillis(),
                    chunks);
            assertThat(JobRows.count(
                            "SELECT count(*) FROM queue_job WHERE channel = ? AND state = 'pending' AND retry = 0",
                            channel))
                    .isEqualTo(jobs);
        } finally {
            JobRows.execute("DELETE FROM queue_job WHERE channel = ?", channel);
        }
    }
}
