package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.application.JobAdminService;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.it.jobs.EnqueuedJobs;
import org.queuejob.it.jobs.ExecutionLog;
import org.queuejob.it.jobs.Gate;
import org.queuejob.it.jobs.TestJobs;
import org.queuejob.it.support.DatabaseRows;
import org.queuejob.it.support.TestDeployments;

/**
 * Jobs handed to a server wait in its buffer while its workers are busy: one worker here, and a root channel of 4, so
 * the leader hands this server more jobs than it can run at once.
 */
@ExtendWith(ArquillianExtension.class)
class BufferedJobsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Deployment
    static WebArchive deployment() {
        return TestDeployments.queueJobWar("buffered-jobs-it")
                .addAsResource(
                        TestDeployments.configWith("queue-job.workers=1"), "META-INF/microprofile-config.properties");
    }

    @Inject
    TestJobs jobs;

    @Inject
    EnqueuedJobs enqueued;

    @Inject
    ExecutionLog log;

    @Inject
    Gate gate;

    @Inject
    JobAdminService admin;

    @Inject
    JobQueryService query;

    /**
     * Its method ran in full once the worker was free (a mail sent, say), and only its database work was rolled back
     * at the done mark.
     */
    @Test
    void aJobCancelledWhileItWaitsForAWorker_isNotRunAtAll() throws InterruptedException {
        gate.reset();
        jobs.serialAtTheGate("holds-the-worker-" + UUID.randomUUID());
        UUID holder = enqueued.last();
        await().atMost(TIMEOUT).until(gate::isReached);
        String marker = "cancelled-in-the-buffer-" + UUID.randomUUID();
        jobs.echo(marker);
        UUID waiting = enqueued.last();
        await().atMost(TIMEOUT).until(() -> job(waiting).state() == JobState.ENQUEUED);

        Instant handedOver = job(waiting).dateEnqueued();

        admin.cancel(waiting);
        // Long enough in the buffer to be asked about when the worker takes it.
        await().atMost(TIMEOUT)
                .until(() -> Duration.between(handedOver, Instant.now()).compareTo(Duration.ofMillis(1200)) > 0);
        gate.open();

        await().atMost(TIMEOUT).until(() -> job(holder).state() == JobState.DONE);
        await().atMost(TIMEOUT).until(() -> DatabaseRows.takenAwayRuns(waiting).isEmpty());
        assertThat(log.runs(marker)).as("runs of the cancelled job").isZero();
        assertThat(job(waiting).state()).isEqualTo(JobState.CANCELLED);
    }

    private QueueJob job(UUID uuid) {
        return query.find(uuid).orElseThrow();
    }
}
