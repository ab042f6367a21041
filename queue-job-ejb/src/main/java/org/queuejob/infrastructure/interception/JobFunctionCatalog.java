package org.queuejob.infrastructure.interception;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.queuejob.domain.model.function.JobFunctionConfig;
import org.queuejob.domain.model.function.JobFunctionConfigRepository;
import org.queuejob.domain.model.function.JobFunctionEdited;
import org.queuejob.domain.model.function.RelatedActionSpec;
import org.queuejob.domain.model.job.ChannelName;
import org.queuejob.domain.model.job.RetryPattern;

/**
 * The job-function records as the queue's hot paths read them: kept in memory, reloaded after an edit on this
 * server (in the edit's transaction) and at least every {@link #MAX_AGE} for edits made on another (by the
 * dispatcher's poll). Until the
 * first load, and for a function without a record, the code's defaults apply.
 */
@ApplicationScoped
public class JobFunctionCatalog {

    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(JobFunctionCatalog.class.getName());

    /** What a job of the function gets; parsed once per load, not per job. */
    record Effective(String channel, RetryPattern retryPattern, Optional<RelatedActionSpec> relatedAction) {}

    @Inject
    JobFunctionConfigRepository records;

    private volatile Map<String, Effective> byName = Map.of();
    private volatile long loadedAt;
    private volatile boolean loaded;

    /** The channel new jobs of {@code function} go to when the call site names none. */
    public String channel(JobFunction function) {
        Effective effective = byName.get(function.name());
        return effective == null ? function.defaults().channel() : effective.channel();
    }

    public RetryPattern retryPattern(JobFunction function) {
        Effective effective = byName.get(function.name());
        return effective == null ? function.retryPattern() : effective.retryPattern();
    }

    public Optional<RelatedActionSpec> relatedAction(String functionName) {
        Effective effective = byName.get(functionName);
        return effective == null ? Optional.empty() : effective.relatedAction();
    }

    /**
     * The names of every job function some deployment has registered (a record exists), as of the last load; empty
     * before the first load.
     */
    public Optional<Set<String>> recordedNames() {
        return loaded ? Optional.of(byName.keySet()) : Optional.empty();
    }

    /** Reloads when the last load is older than {@link #MAX_AGE}; quiet on failure (the database may be away). */
    public void refreshIfStale() {
        if (System.nanoTime() - loadedAt > MAX_AGE.toNanos()) {
            try {
                refresh();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Job function records not reloaded; keeping the previous ones", e);
            }
        }
    }

    /** Reloads the records, seeing the caller's uncommitted edits when called in its transaction. */
    public void refresh() {
        byName = records.all().stream()
                .collect(Collectors.toUnmodifiableMap(JobFunctionConfig::name, JobFunctionCatalog::effective));
        loadedAt = System.nanoTime();
        loaded = true;
    }

    /**
     * An edit whose transaction rolled back after the job-function service reloaded from it: reload at the next
     * look. (The reload itself cannot run here: after completion, the container starts no transaction.)
     */
    void onEditRolledBack(@Observes(during = TransactionPhase.AFTER_FAILURE) JobFunctionEdited event) {
        loadedAt = System.nanoTime() - MAX_AGE.toNanos() - 1;
    }

    private static Effective effective(JobFunctionConfig config) {
        String channel = config.effectiveChannel();
        String problem = ChannelName.problemWith(channel);
        if (problem != null) {
            // An edit stored before channel names had a grammar: enqueues must not fail on it.
            LOG.warning(() -> "Job function " + config.name() + ": its edited " + problem + "; its jobs go to the"
                    + " code's channel " + config.defaultChannel() + " until the edit is corrected");
            channel = config.defaultChannel();
        }
        return new Effective(channel, config.effectiveRetryPattern(), config.effectiveRelatedAction());
    }
}
