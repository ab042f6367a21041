package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.queuejob.api.JobContext;
import org.queuejob.infrastructure.context.LocaleValue;
import org.queuejob.infrastructure.context.TimeZoneValue;

/** The {@link JobContext} of the job running on this thread, set by the worker around the job's method. */
@ApplicationScoped
public class CurrentJob implements JobContext {

    record Running(UUID uuid, int attempt, String user, Map<String, String> context) {}

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

    @Override
    public Optional<String> value(String key) {
        return Optional.ofNullable(RUNNING.get()).map(job -> job.context().get(key));
    }

    @Override
    public Optional<Locale> locale() {
        return value(LocaleValue.KEY).map(Locale::forLanguageTag);
    }

    @Override
    public Optional<ZoneId> timeZone() {
        return value(TimeZoneValue.KEY).flatMap(CurrentJob::zone);
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
