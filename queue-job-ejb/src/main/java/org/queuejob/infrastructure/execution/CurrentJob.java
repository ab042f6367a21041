package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.queuejob.api.JobContext;
import org.queuejob.domain.model.job.StoredText;
import org.queuejob.infrastructure.context.LocaleValue;
import org.queuejob.infrastructure.context.TimeZoneValue;
import org.queuejob.infrastructure.persistence.ProgressStore;

/** The {@link JobContext} of the job running on this thread, set by the worker around the job's method. */
@ApplicationScoped
public class CurrentJob implements JobContext {

    /** Progress is written at most this often per job (the last report of a run is always written). */
    static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    static final int MAX_PROGRESS_MESSAGE = 255;

    private static final Logger LOG = Logger.getLogger(CurrentJob.class.getName());

    record Running(long id, UUID uuid, int attempt, String user, Map<String, String> context, Progress progress) {

        Running(long id, UUID uuid, int attempt, String user, Map<String, String> context) {
            this(id, uuid, attempt, user, context, new Progress());
        }
    }

    /**
     * The job's last progress report and whether it is written yet: touched by its own thread and by the trailing
     * write, under its own lock.
     */
    static final class Progress {
        int percent = -1;
        String message;
        volatile boolean unwritten;
        volatile boolean trailingWriteScheduled;
        boolean ended;
        long writtenAtNanos;
    }

    private static final ThreadLocal<Running> RUNNING = new ThreadLocal<>();

    static void set(Running job) {
        RUNNING.set(job);
    }

    static void clear() {
        RUNNING.remove();
    }

    /** Whether the job on this thread reported progress that is not written yet or has a write scheduled: cheap. */
    static boolean progressPending() {
        Running job = RUNNING.get();
        return job != null && (job.progress().unwritten || job.progress().trailingWriteScheduled);
    }

    @Inject
    ProgressStore progressStore;

    @Override
    public void progress(int percent, String message) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("A progress is a percentage from 0 to 100, not " + percent);
        }
        Running job = RUNNING.get();
        if (job == null) {
            return;
        }
        Progress progress = job.progress();
        synchronized (progress) {
            progress.percent = percent;
            progress.message = message == null ? null : StoredText.shortened(message, MAX_PROGRESS_MESSAGE);
            progress.unwritten = true;
            long wait = progress.writtenAtNanos == 0
                    ? 0
                    : PROGRESS_EVERY_NANOS - (System.nanoTime() - progress.writtenAtNanos);
            if (wait <= 0 || percent == 100) {
                write(job);
            } else if (!progress.trailingWriteScheduled) {
                // Held back: written a second after the last write, unless a report or the job's end comes first.
                progress.trailingWriteScheduled = scheduleTrailingWrite(job, wait);
            }
        }
    }

    /** Writes the run's last report if it was held back; the worker calls it when the method returned. */
    void flushProgress() {
        Running job = RUNNING.get();
        if (job == null) {
            return;
        }
        Progress progress = job.progress();
        synchronized (progress) {
            if (progress.unwritten) {
                write(job);
            }
            progress.ended = true;
        }
    }

    private boolean scheduleTrailingWrite(Running job, long delayNanos) {
        try {
            ScheduledExecutorService scheduler =
                    InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
            scheduler.schedule(
                    () -> {
                        Progress progress = job.progress();
                        synchronized (progress) {
                            progress.trailingWriteScheduled = false;
                            if (progress.unwritten && !progress.ended) {
                                write(job);
                            }
                        }
                    },
                    delayNanos,
                    TimeUnit.NANOSECONDS);
            return true;
        } catch (NamingException | RuntimeException e) {
            LOG.log(Level.FINE, "No trailing progress write; the next report or the job's end writes it", e);
            return false;
        }
    }

    /** A progress that cannot be written is lost, never the job: the report is a side show. Under the lock. */
    private void write(Running job) {
        Progress progress = job.progress();
        progress.unwritten = false;
        progress.writtenAtNanos = System.nanoTime();
        try {
            progressStore.save(job.id(), progress.percent, progress.message);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not save the progress of job " + job.uuid() + ": " + e.getMessage(), e);
        }
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
