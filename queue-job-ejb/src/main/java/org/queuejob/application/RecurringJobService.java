package org.queuejob.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.api.JobQueue;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.domain.model.job.StoredText;
import org.queuejob.domain.model.recurring.RecurringJob;
import org.queuejob.domain.model.recurring.RecurringJobRepository;
import org.queuejob.domain.model.recurring.RecurringOrigin;
import org.queuejob.domain.model.recurring.TickPlan;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.interception.JobFunction;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;
import org.queuejob.infrastructure.interception.RecurringDeclaration;
import org.queuejob.infrastructure.interception.RecurringDeclarations;

/**
 * Recurring jobs: their records (declared in code, or created by staff), and their ticks.
 *
 * <p><b>Exactly once per tick.</b> Every server looks for due records each second ({@link RecurringJobScheduler}).
 * For a due record it builds the tick's job, then, in one transaction, claims the tick with a conditional update of
 * the record ({@code next_run} moves on only from the value it read) and stores the job. Of servers racing for one
 * tick, one claim updates the row and the others update nothing and store nothing: the database decides, not timing.
 * A server without the record's job function leaves the record to one that has it.
 *
 * <p>Role checks are the caller's (the back office allows managers only).
 */
@ApplicationScoped
public class RecurringJobService {

    static final String EXISTS = "A recurring job named '%s' exists already: choose another name.";
    static final String SPACES = "The name '%s' has spaces around it: give the name without them.";
    static final String RENAMED = "The name of a recurring job cannot change (was %s).";
    static final String NOT_FOUND = "No recurring job %d: it was deleted meanwhile.";
    static final String IN_CODE = "The recurring job '%s' is declared in code (@Recurring on %s): change its schedule"
            + " there, or with the configuration properties " + RecurringDeclarations.PREFIX + "%s.cron / .zone /"
            + " .allow-overlap;"
            + " here it can be enabled, disabled and run now.";
    static final String NO_FUNCTION =
            "No job function named '%s': only the @Job methods of this deployment can be" + " scheduled.";
    static final String FUNCTION_REQUIRED = "A job function is required.";
    static final String NOT_HERE = "This server does not have the job function %s, so it cannot run it now.";

    private static final Logger LOG = Logger.getLogger(RecurringJobService.class.getName());

    @Inject
    RecurringJobRepository records;

    @Inject
    RecurringDeclarations declarations;

    @Inject
    JobFunctionRegistry functions;

    @Inject
    JobSubmissionService submissions;

    @Inject
    JobEnqueuer enqueuer;

    @Inject
    JobQueue queue;

    @Inject
    @QueueJobClock
    Clock clock;

    @Inject
    RecurringJobService self;

    /**
     * Writes the record of every {@code @Recurring} method of this deployment: created enabled (or as the annotation
     * or configuration says), or its schedule and whether its runs may overlap brought in line with the code; staff's
     * enabled/disabled stays, unless configuration sets {@code enabled} explicitly (an environment's choice, applied at
     * every deployment). Each record in a transaction of its own, so servers deploying at once do not fail on each
     * other's insert.
     *
     * @throws IllegalStateException when configured arguments do not fit the method (the deployment fails)
     */
    public void registerDeclared() {
        for (RecurringDeclaration declaration : declarations.all()) {
            JobFunction function = functions
                    .find(declaration.jobFunction())
                    .orElseThrow(() -> new IllegalStateException(
                            "@Recurring " + declaration.name() + ": no @Job method " + declaration.jobFunction()));
            // RecurringDeclarations refused arguments that do not fit at deployment, by the same rule, except for a
            // method with an entity parameter (only the database can read its argument) or when JSON-B could not
            // start there: read again here for every declaration, a few reads at start, so none of those slips by.
            try {
                submissions.arguments(function, declaration.argumentsJson());
            } catch (InvalidRequestException e) {
                throw new IllegalStateException(
                        RecurringDeclarations.argumentsKey(declaration.name()) + ": " + e.getMessage(), e);
            }
            try {
                self.register(declaration);
            } catch (RuntimeException e) {
                // Another server inserted it at the same moment: now it exists, and is brought in line.
                LOG.log(Level.FINE, "Recurring job " + declaration.name() + " registered again", e);
                self.register(declaration);
            }
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void register(RecurringDeclaration declaration) {
        Instant now = clock.instant();
        Optional<RecurringJob> existing = records.findByName(declaration.name());
        if (existing.isEmpty()) {
            RecurringJob created = new RecurringJob(
                    declaration.name(),
                    declaration.cron(),
                    declaration.zone(),
                    declaration.jobFunction(),
                    declaration.argumentsJson(),
                    null,
                    null,
                    declaration.missed(),
                    declaration.enabled(),
                    RecurringOrigin.CODE,
                    now);
            created.changeOverlap(declaration.allowOverlap());
            records.add(created);
            LOG.info(() -> "Recurring job " + declaration.name() + " created: " + declaration.cron() + " ("
                    + declaration.zone() + ")");
        } else if (existing.get().origin() == RecurringOrigin.CODE) {
            existing.get()
                    .change(
                            declaration.cron(),
                            declaration.zone(),
                            declaration.jobFunction(),
                            declaration.argumentsJson(),
                            null,
                            null,
                            declaration.missed(),
                            now);
            existing.get().changeOverlap(declaration.allowOverlap());
            if (Boolean.TRUE.equals(declaration.configuredEnabled())) {
                existing.get().enable(now);
            } else if (Boolean.FALSE.equals(declaration.configuredEnabled())) {
                existing.get().disable();
            }
        } else {
            LOG.warning(() -> "@Recurring " + declaration.name() + " on " + declaration.jobFunction() + " is ignored:"
                    + " a recurring job of that name was created in the back office; rename one of them");
        }
    }

    public List<RecurringJobView> list() {
        return records.all().stream().map(this::view).toList();
    }

    /** The job functions a recurring job can be made of here: this deployment's {@code @Job} methods, by name. */
    public List<String> jobFunctionNames() {
        return functions.all().stream().map(JobFunction::name).sorted().toList();
    }

    public Optional<RecurringJobView> find(long id) {
        return records.find(id).map(this::view);
    }

    /**
     * A new recurring job from staff.
     *
     * @throws InvalidSettingException naming what is wrong (the cron expression, the zone, the function, the
     *     arguments, the channel, the priority, a name in use); nothing is stored then
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public long create(RecurringJobRequest request) {
        String name = request.name();
        if (name != null && !name.isBlank() && !name.equals(name.strip())) {
            // Refused, not stripped: the name is how code and people find the record, and is kept as given.
            throw new InvalidSettingException(String.format(SPACES, StoredText.prefix(name, 80)), null);
        }
        if (name != null && records.findByName(name).isPresent()) {
            throw new InvalidSettingException(String.format(EXISTS, name), null);
        }
        String arguments = checkedArguments(request);
        try {
            RecurringJob job = new RecurringJob(
                    name,
                    request.cron(),
                    request.zone(),
                    request.jobFunction().strip(),
                    arguments,
                    request.channel(),
                    request.priority(),
                    request.missed(),
                    request.enabled(),
                    RecurringOrigin.BACK_OFFICE,
                    clock.instant());
            job.changeOverlap(request.allowOverlap());
            add(job);
            return job.id();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(e.getMessage(), e);
        }
    }

    /**
     * Stores a new record; the repository writes it at once, so a record of the same name created by another save
     * since the look above (which found none) fails here, on the name's unique constraint, and is refused as a name
     * in use would have been, not reported as an unexpected error.
     */
    private void add(RecurringJob job) {
        try {
            records.add(job);
        } catch (RuntimeException e) {
            if (UniqueViolations.isIn(e)) {
                throw new InvalidSettingException(String.format(EXISTS, job.name()), e);
            }
            throw e;
        }
    }

    /**
     * New settings for a recurring job created by staff, every field of {@code request} taken; one declared in code can
     * only be enabled, disabled and run.
     *
     * @throws InvalidSettingException naming what is wrong; nothing is changed then
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void edit(long id, RecurringJobRequest request) {
        edit(id, request.name(), RecurringJobChange.whole(request));
    }

    /**
     * As {@link #edit(long, RecurringJobRequest)}, for a form loaded with {@code shown}: only the fields changed in
     * it are written, each resolved against the record as read here ({@link FieldEdit}); another person's change to
     * another field (an enable from the list, say) is kept, and a change to a field someone else changed since the
     * form was loaded is refused with {@link ChangedMeanwhileException}.
     *
     * @param shown the record as the form was loaded with it; null: every field of {@code typed} is taken
     * @throws InvalidSettingException naming what is wrong (a name other than the record's among them); nothing is
     *     changed then
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void edit(long id, RecurringJobView shown, RecurringJobRequest typed) {
        edit(
                id,
                typed.name(),
                shown == null ? RecurringJobChange.whole(typed) : RecurringJobChange.fromForm(shown, typed));
    }

    /**
     * Writes the fields {@code change} writes, each resolved against the record as read in this transaction; the
     * others keep the record's values (the API's {@code PUT}: a body without {@code zone} or {@code enabled} leaves
     * them as they are, where it reset them to UTC and enabled).
     *
     * @param name the record's name as the caller gives it; null: not given (it cannot change anyway)
     * @throws InvalidSettingException naming what is wrong (a name other than the record's among them); nothing is
     *     changed then
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void edit(long id, String name, RecurringJobChange change) {
        RecurringJob job = existing(id);
        if (job.origin() == RecurringOrigin.CODE) {
            throw declaredInCode(job.name(), job.jobFunction());
        }
        if (name != null && !name.equals(job.name())) {
            throw new InvalidSettingException(String.format(RENAMED, StoredText.prefix(job.name(), 80)), null);
        }
        RecurringJobRequest request = resolved(job, change);
        String arguments = checkedArguments(request);
        try {
            job.change(
                    request.cron(),
                    request.zone(),
                    request.jobFunction().strip(),
                    arguments,
                    request.channel(),
                    request.priority(),
                    request.missed(),
                    clock.instant());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(e.getMessage(), e);
        }
        job.changeOverlap(request.allowOverlap());
        if (request.enabled()) {
            job.enable(clock.instant());
        } else {
            job.disable();
        }
    }

    /** The record's fields after {@code change}: each the record's current value unless the change writes it. */
    private static RecurringJobRequest resolved(RecurringJob job, RecurringJobChange change) {
        return new RecurringJobRequest(
                job.name(),
                change.cron().resolve(job.cron(), "schedule"),
                change.zone().resolve(job.zone(), "zone"),
                change.jobFunction().resolve(job.jobFunction(), "job function"),
                change.argumentsJson().resolve(job.arguments(), "arguments"),
                change.channel().resolve(job.channel(), "channel"),
                change.priority().resolve(job.priority(), "priority"),
                change.missed().resolve(job.missed(), "missed ticks"),
                Objects.requireNonNull(change.enabled().resolve(job.enabled(), "enabled"), "enabled"),
                Objects.requireNonNull(
                        change.allowOverlap().resolve(job.allowOverlap(), "runs may overlap"), "allowOverlap"));
    }

    /**
     * Refuses, before its form opens, to edit a recurring job declared in code, with the sentence {@link #edit} would
     * give its save.
     *
     * @throws InvalidSettingException for a record declared in code
     */
    public void requireEditable(RecurringJobView job) {
        if (job.declaredInCode()) {
            throw declaredInCode(job.name(), job.jobFunction());
        }
    }

    /** Ticks again from the next tick to come (ticks while it was disabled are not caught up). */
    @Transactional(Transactional.TxType.REQUIRED)
    public void enable(long id) {
        existing(id).enable(clock.instant());
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void disable(long id) {
        existing(id).disable();
    }

    /** Deletes a recurring job created by staff (one declared in code comes back at the next deployment). */
    @Transactional(Transactional.TxType.REQUIRED)
    public void delete(long id) {
        RecurringJob job = existing(id);
        if (job.origin() == RecurringOrigin.CODE) {
            throw declaredInCode(job.name(), job.jobFunction());
        }
        records.remove(job);
    }

    /**
     * Enqueues a job of the record now, outside its schedule (which is left as it is). Always, even while the last job
     * has not ended and the record's runs may not overlap: a person asked for this run, and the job becomes the last
     * job, so the next tick waits for it. (Refusing it would leave no way to run the job beside a run that hangs.)
     *
     * @return the job's uuid
     * @throws InvalidSettingException when the job function is not on this server or the arguments no longer fit
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public UUID runNow(long id, String user) {
        RecurringJob record = existing(id);
        JobFunction function = functions
                .find(record.jobFunction())
                .orElseThrow(() -> new InvalidSettingException(String.format(NOT_HERE, record.jobFunction()), null));
        QueueJob job;
        try {
            job = newJob(record, function, "run now" + (user == null ? "" : " by " + user));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(e.getMessage(), e);
        }
        enqueuer.store(job);
        record.ranByHand(job.uuid(), user, clock.instant());
        return job.uuid();
    }

    /** Enqueues the jobs of the records due now, each tick once in the cluster; returns how many this server stored. */
    public int fireDue() {
        return fireDue(clock.instant());
    }

    /** As {@link #fireDue()}, at {@code now}. */
    public int fireDue(Instant now) {
        int stored = 0;
        for (long id : records.dueAt(now)) {
            try {
                if (self.fire(id, now)) {
                    stored++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Recurring job " + id + " not ticked; trying again at the next look", e);
            }
        }
        return stored;
    }

    /**
     * Claims the record's due tick and stores its job, in one transaction. False when there was nothing to store: not
     * due (any more), claimed by another server, a missed tick skipped, the job function is not on this server, or
     * the record's runs may not overlap and its last job has not ended (the tick is claimed, and its last error says
     * so).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean fire(long id, Instant now) {
        Optional<RecurringJob> found = records.find(id);
        if (found.isEmpty()
                || !found.get().enabled()
                || found.get().nextRun() == null
                || found.get().nextRun().isAfter(now)) {
            return false;
        }
        RecurringJob record = found.get();
        Optional<JobFunction> function = functions.find(record.jobFunction());
        if (function.isEmpty()) {
            return false;
        }
        TickPlan plan = TickPlan.at(record.schedule(), record.nextRun(), now, record.missed());
        Instant next = plan.nextRun().orElse(null);
        if (plan.tick().isEmpty()) {
            boolean claimed = records.claimTick(id, record.nextRun(), next, null, null, null, now);
            if (claimed) {
                LOG.info(() -> "Recurring job " + record.name() + ": " + plan.missed() + " missed tick(s) skipped"
                        + " (policy " + record.missed() + "); next run " + next);
            }
            return false;
        }
        // Runs that may not overlap: the last job's state is read here, in the claiming transaction, with the record's
        // row locked, so that a "run now" committing meanwhile cannot slip in between the look and the claim.
        Optional<String> heldBack =
                record.heldBack(plan.tick().get(), record.allowOverlap() ? Optional.empty() : records.lockLastJob(id));
        if (heldBack.isPresent()) {
            // Claimed like any tick (next_run moves on; no catching up once the job ends), the reason kept where a
            // due tick that enqueued nothing says why, and the last job left as it is: the one still going on.
            if (records.claimTick(id, record.nextRun(), next, null, null, heldBack.get(), now)) {
                LOG.info(() -> "Recurring job " + record.name() + ": " + heldBack.get() + " Next run " + next + ".");
            }
            return false;
        }
        QueueJob job;
        try {
            job = newJob(record, function.get(), "tick " + plan.tick().get());
        } catch (IllegalArgumentException e) {
            String error = "Tick " + plan.tick().get() + " enqueued nothing: " + e.getMessage();
            if (records.claimTick(id, record.nextRun(), next, null, null, error, now)) {
                LOG.warning(() -> "Recurring job " + record.name() + ": " + error);
            }
            return false;
        }
        if (!records.claimTick(id, record.nextRun(), next, plan.tick().get(), job.uuid(), null, now)) {
            return false;
        }
        enqueuer.store(job);
        if (plan.missed() > 0) {
            LOG.info(() -> "Recurring job " + record.name() + ": one job for "
                    + plan.tick().get() + " in place of " + (plan.missed() + 1) + " due ticks (policy "
                    + record.missed() + ")");
        }
        return true;
    }

    /** The job of a tick or a "Run now": its description says which record and which tick (see the job page). */
    private QueueJob newJob(RecurringJob record, JobFunction function, String occasion) {
        Object[] arguments = submissions.arguments(function, record.arguments());
        JobQueue.Options options = queue.options().description(description(record, occasion));
        if (record.priority() != null) {
            options = options.priority(record.priority());
        }
        if (record.channel() != null) {
            options = options.channel(record.channel());
        }
        return enqueuer.newJob(function, arguments, options);
    }

    /** {@code <record name> · <occasion>}, cut to the description column's length. */
    static String description(RecurringJob record, String occasion) {
        String text = record.name() + " · " + occasion;
        return StoredText.shortened(text, 1000);
    }

    private String checkedArguments(RecurringJobRequest request) {
        if (request.jobFunction() == null || request.jobFunction().isBlank()) {
            throw new InvalidSettingException(FUNCTION_REQUIRED, null);
        }
        JobFunction function = functions
                .find(request.jobFunction().strip())
                .orElseThrow(() -> new InvalidSettingException(
                        String.format(NO_FUNCTION, request.jobFunction().strip()), null));
        String json = request.argumentsJson() == null || request.argumentsJson().isBlank()
                ? "[]"
                : request.argumentsJson().strip();
        try {
            submissions.arguments(function, json);
        } catch (InvalidRequestException e) {
            throw new InvalidSettingException(e.getMessage(), e);
        }
        return json;
    }

    /** The refusal of a change only the code may make: its schedule, its function, its removal. */
    private static InvalidSettingException declaredInCode(String name, String jobFunction) {
        return new InvalidSettingException(String.format(IN_CODE, name, jobFunction, name), null);
    }

    private RecurringJob existing(long id) {
        return records.find(id).orElseThrow(() -> new InvalidSettingException(String.format(NOT_FOUND, id), null));
    }

    private RecurringJobView view(RecurringJob job) {
        return new RecurringJobView(
                job.id(),
                job.name(),
                job.cron(),
                job.zone(),
                job.jobFunction(),
                job.arguments(),
                job.channel(),
                job.priority(),
                job.missed(),
                job.enabled(),
                job.allowOverlap(),
                job.origin(),
                job.nextRun(),
                job.lastTick(),
                job.lastJobUuid(),
                job.lastRunAt(),
                job.lastRunBy(),
                job.lastError(),
                functions.find(job.jobFunction()).isPresent());
    }
}
