package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.queuejob.api.JobContext;

/** The {@link JobContext} of the job running on this thread, set by the worker around the job's method. */
@ApplicationScoped
public class CurrentJob implements JobContext {

    record Running(UUID uuid, int attempt, String user) {}

    private static final ThreadLocal<Running> RUNNING = new ThreadLocal<>();

    static void set(Running job) {
        RUNNING.set(job);
    }

    static void clear() {
        RUNNING.remove();
    }

    @Override
    public Optional<UUID> jobUuid() {
        return Optional.ofNullable(RUNNING.get()).map(Running::uuid);
    }

    @Override
    public int attempt() {
        Running job = RUNNING.get();
        return job == null ? 0 : job.attempt();
    }

    @Override
    public Optional<String> user() {
        return Optional.ofNullable(RUNNING.get()).map(Running::user);
    }
}
