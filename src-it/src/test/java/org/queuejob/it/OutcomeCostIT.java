package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.infrastructure.observability.JobOutcomes;
import org.queuejob.it.support.TestDeployments;

/**
 * What reporting a job's outcome costs the worker on the hot path, in the server, with no observer of the outcome
 * events (the usual case): the start-latency timer, the done counter and the run-time timer. Printed for the README;
 * the bound only catches an accidental database call or lookup per job (a job's own transaction costs about a
 * millisecond here).
 */
@ExtendWith(ArquillianExtension.class)
class OutcomeCostIT {

    private static final Logger LOG = Logger.getLogger(OutcomeCostIT.class.getName());

    @Deployment
    static WebArchive deployment() {
        return TestDeployments.queueJobWar("outcome-cost-it");
    }

    @Inject
    JobOutcomes outcomes;

    @Test
    void reportingAJobsOutcome_costsMicrosecondsNotMilliseconds() {
        ClaimedJob job = new ClaimedJob(
                1,
                UUID.randomUUID(),
                "root",
                "org.example.Bench.run",
                "[]",
                false,
                0,
                null,
                null,
                Instant.now(),
                0L,
                false);
        Instant started = Instant.now();
        Instant ended = started.plusMillis(3);
        for (int i = 0; i < 200_000; i++) {
            outcomes.started(job, started);
            outcomes.done(job, started, ended);
        }
        int calls = 1_000_000;
        long begin = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            outcomes.started(job, started);
            outcomes.done(job, started, ended);
        }
        double nanosPerJob = (System.nanoTime() - begin) / (double) calls;
        LOG.info(() ->
                String.format("Outcome reporting costs %.0f ns per job (started + done, no observers)", nanosPerJob));
        System.out.printf("OutcomeCostIT: %.0f ns per job%n", nanosPerJob);
        assertThat(nanosPerJob).isLessThan(50_000);
    }
}
