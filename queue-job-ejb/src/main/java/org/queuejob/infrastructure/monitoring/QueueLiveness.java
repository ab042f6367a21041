package org.queuejob.infrastructure.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.execution.QueueRuntime;

/**
 * Liveness ({@code /health/live}): the queue's loops on this server are alive. DOWN when the poll (heartbeat, leader
 * lock, rescue) has not run for ten poll intervals (at least 30 s), or when jobs wait here for a worker while none has
 * ended for {@code queue-job.health.stuck-after-seconds} (default 900): every worker is stuck. Reads no database.
 */
@Liveness
@ApplicationScoped
public class QueueLiveness implements HealthCheck {

    public static final String NAME = "queue-job-loops";

    @Inject
    QueueRuntime runtime;

    @Inject
    @QueueJobClock
    Clock clock;

    @Inject
    @ConfigProperty(name = "queue-job.health.stuck-after-seconds", defaultValue = "900")
    long stuckAfterSeconds;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("server", runtime.serverName())
                .withData("running", runtime.isActive());
        if (!runtime.isActive()) {
            // Dispatch disabled on this server (it only enqueues), or stopped: nothing to be stuck.
            return response.up().build();
        }
        Instant now = clock.instant();
        Duration pollBound = Duration.ofSeconds(
                Math.max(30, runtime.pollInterval().multipliedBy(10).toSeconds()));
        Duration sincePoll =
                runtime.lastPoll().map(at -> Duration.between(at, now)).orElse(Duration.ZERO);
        Duration sinceEnd = runtime.sinceLastJobEnded();
        int buffered = runtime.jobsBuffered();
        response.withData("leader", runtime.isLeader())
                .withData("workersBusy", runtime.workersBusy())
                .withData("workersTotal", runtime.workersTotal())
                .withData("jobsWaitingForAWorker", buffered)
                .withData("jobsPastTheirTimeout", runtime.jobsOverdue())
                .withData("lastPoll", runtime.lastPoll().map(Instant::toString).orElse("none"))
                .withData(
                        "lastDispatch",
                        runtime.lastDispatch().map(Instant::toString).orElse("none"))
                .withData("secondsSinceAJobEnded", sinceEnd.toSeconds());
        if (sincePoll.compareTo(pollBound) > 0) {
            return response.down()
                    .withData(
                            "problem",
                            "The poll has not run for " + sincePoll.toSeconds() + " s (bound " + pollBound.toSeconds()
                                    + " s)")
                    .build();
        }
        if (buffered > 0 && sinceEnd.toSeconds() > stuckAfterSeconds) {
            return response.down()
                    .withData(
                            "problem",
                            buffered + " job(s) wait for a worker and no job ended for " + sinceEnd.toSeconds()
                                    + " s: every worker is stuck")
                    .build();
        }
        return response.up().build();
    }
}
