package org.queuejob.infrastructure.autovacuum;

import jakarta.annotation.PreDestroy;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.domain.model.autovacuum.AutovacuumLauncher;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.autovacuum.AutovacuumRuns;
import org.queuejob.domain.model.autovacuum.RunOutcome;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.config.WorkerIdentity;

/**
 * Runs the batch job {@value #JOB} on this server's {@link JobOperator}. The job's XML is in the library's {@code
 * META-INF/batch-jobs}, which the runtime finds through the application's class loader both when the library is an
 * EJB module of an EAR and when it is in a WAR's {@code WEB-INF/lib}.
 *
 * <p>When the application stops, its executions still running are asked to stop and their runs recorded as
 * stopped, so the guard is free at once instead of after the dead-after delay.
 */
@ApplicationScoped
public class BatchAutovacuumLauncher implements AutovacuumLauncher {

    static final String JOB = "queue-job-autovacuum";
    static final String SHUT_DOWN = "Stopped: the application stopped on %s; resume it to continue where it stopped.";

    private static final Set<BatchStatus> ACTIVE = Set.of(BatchStatus.STARTING, BatchStatus.STARTED);
    private static final Logger LOG = Logger.getLogger(BatchAutovacuumLauncher.class.getName());

    @Inject
    AutovacuumRuns runs;

    @Inject
    WorkerIdentity server;

    @Inject
    @QueueJobClock
    Clock clock;

    /** Executions started here: execution id → run id. */
    private final Map<Long, Long> local = new ConcurrentHashMap<>();

    @Override
    public long start(long runId, AutovacuumPace pace) {
        long execution = operator().start(JOB, parameters(runId, pace));
        local.put(execution, runId);
        return execution;
    }

    @Override
    public long restart(long executionId, long runId, AutovacuumPace pace) {
        long execution = operator().restart(executionId, parameters(runId, pace));
        local.put(execution, runId);
        return execution;
    }

    @Override
    public boolean knows(long executionId) {
        try {
            operator().getJobExecution(executionId);
            return true;
        } catch (NoSuchJobExecutionException | JobSecurityException e) {
            return false;
        }
    }

    @Override
    public boolean stop(long executionId) {
        try {
            if (!ACTIVE.contains(operator().getJobExecution(executionId).getBatchStatus())) {
                return false;
            }
            operator().stop(executionId);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Autovacuum execution " + executionId + " not stopped", e);
            return false;
        }
    }

    @PreDestroy
    void stopLocalExecutions() {
        local.forEach((execution, run) -> {
            try {
                if (stop(execution)) {
                    runs.finish(run, RunOutcome.STOPPED, String.format(SHUT_DOWN, server.name()), clock.instant());
                }
            } catch (RuntimeException e) {
                // The run's heartbeat stops with the application: another server takes it over after dead-after.
                LOG.log(Level.WARNING, "Autovacuum run " + run + " not recorded as stopped at shutdown", e);
            }
        });
    }

    private static Properties parameters(long runId, AutovacuumPace pace) {
        Properties parameters = new Properties();
        parameters.setProperty("runId", String.valueOf(runId));
        parameters.setProperty("chunkSize", String.valueOf(pace.chunkSize()));
        parameters.setProperty("maxDuty", String.valueOf(pace.maxDuty()));
        return parameters;
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
