package org.queuejob.infrastructure.bulk;

import jakarta.annotation.PreDestroy;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.bulk.BulkActionLauncher;

/**
 * Runs the batch job {@value #JOB} on this server's {@link JobOperator}, always as a new execution: the action's
 * checkpoint is its record, which any server can read, not the batch runtime's repository of this domain.
 *
 * <p>When the application stops, its executions are asked to stop and their actions stay running in the database:
 * the server resumes them when it starts again, or another server takes them over once this one is silent.
 */
@ApplicationScoped
public class BatchBulkActionLauncher implements BulkActionLauncher {

    static final String JOB = "queue-job-bulk-action";

    private static final Set<BatchStatus> ACTIVE = Set.of(BatchStatus.STARTING, BatchStatus.STARTED);
    private static final Set<BatchStatus> ENDED =
            Set.of(BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED, BatchStatus.ABANDONED);
    private static final Logger LOG = Logger.getLogger(BatchBulkActionLauncher.class.getName());

    /** Executions started here and not seen ended yet. */
    private final Map<Long, Local> local = new ConcurrentHashMap<>();

    /** An execution started here: its action and the epoch it runs under. */
    private record Local(long runId, int epoch) {}

    private volatile boolean shuttingDown;

    @Override
    public long start(long runId, int epoch, AutovacuumPace pace) {
        Properties parameters = new Properties();
        parameters.setProperty("actionId", String.valueOf(runId));
        parameters.setProperty("epoch", String.valueOf(epoch));
        parameters.setProperty("chunkSize", String.valueOf(pace.chunkSize()));
        parameters.setProperty("maxDuty", String.valueOf(pace.maxDuty()));
        long execution = operator().start(JOB, parameters);
        local.put(execution, new Local(runId, epoch));
        return execution;
    }

    @Override
    public Map<Long, Integer> runningHere() {
        Map<Long, Integer> running = new HashMap<>();
        local.forEach((execution, started) -> {
            if (active(execution)) {
                running.merge(started.runId(), started.epoch(), Math::max);
            } else if (ended(execution)) {
                local.remove(execution);
            }
        });
        return running;
    }

    @Override
    public boolean shuttingDown() {
        return shuttingDown;
    }

    @PreDestroy
    void stopLocalExecutions() {
        shuttingDown = true;
        local.forEach((execution, started) -> {
            long run = started.runId();
            try {
                if (active(execution)) {
                    operator().stop(execution);
                    LOG.info(() -> "Bulk action " + run + " stopped with the application; it resumes from its"
                            + " checkpoint when a server starts or takes it over");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Bulk action execution " + execution + " not stopped", e);
            }
        });
    }

    private static boolean active(long execution) {
        return status(execution).filter(ACTIVE::contains).isPresent();
    }

    /** Ended for good; an execution whose status cannot be read now is kept, to be asked again. */
    private static boolean ended(long execution) {
        return status(execution).filter(ENDED::contains).isPresent();
    }

    private static Optional<BatchStatus> status(long execution) {
        try {
            return Optional.ofNullable(operator().getJobExecution(execution).getBatchStatus());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
