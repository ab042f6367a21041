package org.queuejob.web;

import jakarta.enterprise.event.Event;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.ChannelName;
import org.queuejob.domain.model.job.JobPriority;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.domain.model.job.StoredText;
import org.queuejob.domain.model.server.FunctionReach;
import org.queuejob.web.format.JobTexts;
import org.queuejob.web.format.RunTexts;

/**
 * One job ({@code job.xhtml?uuid=...}): every field of the original's job form. An unknown or malformed uuid is
 * answered with HTTP 404 and a message naming it, not with an exception; a running job's page reloads itself when it
 * ends. The page's other concerns have their own beans, which take the job and the state it was drawn with from this
 * one: its actions ({@link JobActionsBacking}), the edit form ({@link JobEditBacking}), its graph ({@link
 * JobGraphBacking}) and the runs taken from it ({@link RunsTakenAwayBacking}).
 */
@Named
@ViewScoped
public class JobBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String NO_SUCH_JOB = "No job with uuid %s.";
    static final String NO_UUID = "No job with uuid (none given): open a job from the job list.";

    /** Longest part of a requested uuid repeated in the not-found message. */
    static final int MAX_ECHOED_CHARS = 64;

    // The editable fields' rules: the edit form's (JobEditBacking), kept here with the page's other sentences because
    // the job list's bulk edit (JobsBulkBacking) states the same ones.

    /** Largest priority the page takes (smaller runs first; the default is 10). */
    static final int MAX_PRIORITY = JobPriority.MAX;

    static final String PRIORITY_RULE = "Priority: a whole number from 0 to 1,000,000 (smaller runs first).";
    static final String CHANNEL_REQUIRED = "Channel: a channel is required, e.g. root or root.mail.";
    /** What the date field takes: JSF's own message named neither the form nor the years (a 5-digit year, say). */
    static final String ETA_RULE =
            "Execute only after (UTC): a date and time such as 2031-05-04 03:02:00, from the year 1 to the year 9999.";

    static final String CHANNEL_TOO_LONG = "Channel: a channel name has at most 255 characters.";
    static final String CHANNEL_RULE = "Channel: use " + ChannelName.RULE + ".";

    /** A started job past its timeout: nothing interrupts it, so someone may have to. */
    static final String OVERRUN = "Running for %s, past its timeout of %s (%s): it fails when it returns, and its work"
            + " is rolled back. Nothing interrupts it; its server has logged where it waits.";

    /** A started job past its timeout that its server interrupted and that runs on: it did not hear the interrupt. */
    static final String OVERRUN_INTERRUPTED = "Running for %s, past its timeout of %s (%s): it fails when it returns,"
            + " and its work is rolled back. Its server interrupted it (%s is true) but it runs on, busy or waiting"
            + " where interrupts are not heard; its server has logged where it waits.";

    static final String NO_RUNNING_SERVER = "No running server has this job function.";

    static final String ONLY_QUIET_SERVERS =
            "Only quiet servers have this job function: it waits until one of them resumes.";

    /** The job page's own address, kept after every action (post-redirect-get). */
    static final String SELF = "job.xhtml?uuid=%s";

    /**
     * The page is drawn (again) from the job as read now, or finds it gone ({@code job} null): on its first GET, and
     * after an action was refused. What the other beans of the page keep from the job drawn before starts over (the
     * edit form's fields, the graph).
     */
    record Drawn(JobView job) {}

    @Inject
    JobQueryService jobQueries;

    @Inject
    Event<Drawn> drawn;

    @Param
    String uuid;

    /** Not serializable: read again from {@link #uuid} after deserialisation. */
    private transient QueueJob job;

    /** What the page shows of {@link #job}. */
    private transient JobView view;

    private transient boolean loaded;

    /** The state the page was drawn with: a poll of a running job reloads the page once it has changed. */
    private JobState shownState;

    private int shownRetry;

    /** Why the shown job cannot start now, once looked up: empty when it can, or does not wait. */
    private transient Optional<String> unreachable;

    /** View action: a page for a job that does not exist answers 404. */
    public void load() {
        if (getJob() == null) {
            Faces.setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        } else if (!Faces.isPostback()) {
            reload();
        }
    }

    /** The job as the page was drawn with it (read once per view: {@link #refresh} and {@link #reload} read again). */
    public JobView getJob() {
        if (!loaded) {
            job = readNow().orElse(null);
            view = job == null ? null : JobView.of(job);
            loaded = true;
        }
        return view;
    }

    /** The entity behind {@link #getJob}, for the services that take one; never handed to the page. */
    QueueJob entity() {
        getJob();
        return job;
    }

    /** The state the page was drawn with (null before it was): an action applies to that state only. */
    JobState shownState() {
        return shownState;
    }

    /** The page's poll: the job is read again, for its state and progress while it waits or runs. */
    public void refresh() {
        // A new state or try: the whole page (actions, result, exception) is another, so it is loaded again; else
        // only the progress is redrawn.
        checkRunning();
        loaded = false;
    }

    /** Why a running job needs someone's eye ({@link #OVERRUN}); null while it is within its timeout. */
    public String getOverrun() {
        QueueJob current = entity();
        return current == null
                ? null
                : jobQueries
                        .overrun(current)
                        .map(over -> String.format(
                                over.interrupted() ? OVERRUN_INTERRUPTED : OVERRUN,
                                RunTexts.duration(over.ranFor()),
                                RunTexts.duration(over.timeout()),
                                over.setting(),
                                over.interruptSetting()))
                        .orElse(null);
    }

    /** Whether the job may still change by itself (waiting or running): the page follows it then. */
    public boolean isLive() {
        JobView current = getJob();
        return current != null && !current.state().isFinal() && current.state() != JobState.FAILED;
    }

    public String getNotFoundMessage() {
        if (uuid == null || uuid.isBlank()) {
            return NO_UUID;
        }
        String asked = uuid.strip();
        return String.format(
                NO_SUCH_JOB,
                asked.length() > MAX_ECHOED_CHARS ? StoredText.prefix(asked, MAX_ECHOED_CHARS) + "…" : asked);
    }

    /** A worker holds the job: the page looks again every few seconds, and reloads once the job has moved on. */
    public boolean isRunning() {
        JobState state = getJob().state();
        return state == JobState.ENQUEUED || state == JobState.STARTED;
    }

    /** The job as the database has it now (this view keeps the one the page was drawn with: {@link #getJob}). */
    private Optional<QueueJob> readNow() {
        return parse(uuid).flatMap(jobQueries::find);
    }

    /** The job's state as the database has it now; empty when the job is gone. */
    Optional<JobState> stateNow() {
        return readNow().map(QueueJob::state);
    }

    /** The poll of a live job's page: reloads it (a GET of its own address) when the job has changed. */
    public void checkRunning() {
        Optional<QueueJob> now = readNow();
        if (now.isEmpty() || now.get().state() != shownState || now.get().retry() != shownRetry) {
            Faces.redirect(SELF, uuid.strip());
        }
    }

    /**
     * The exception section, as the original's: for the failure the job has now. A job that succeeded after failing
     * keeps only its last message (the original clears the exception and its stack trace on done and on a retry).
     */
    public boolean isExceptionShown() {
        JobView shown = getJob();
        return shown.state() == JobState.FAILED || !blank(shown.excName()) || !blank(shown.excInfo());
    }

    /** The stack trace box, only when there is a stack trace ("Max. retries reached" failures have none). */
    public boolean isStackTraceShown() {
        return !blank(getJob().excInfo());
    }

    /**
     * Why a waiting job cannot start now, when no running server taking jobs has its job function (a rolling deploy,
     * a server down, or only quiet servers have it): it stays pending until one that has it runs or resumes, and the
     * page says so. Null when nothing stands in its way there.
     */
    public String getUnreachable() {
        if (unreachable == null) {
            JobView current = getJob();
            unreachable = current != null
                            && (current.state() == JobState.PENDING || current.state() == JobState.WAIT_DEPENDENCIES)
                    ? unreachable(jobQueries.reachOf(current.jobFunction()))
                    : Optional.empty();
        }
        return unreachable.orElse(null);
    }

    static Optional<String> unreachable(FunctionReach reach) {
        if (reach.runnable()) {
            return Optional.empty();
        }
        return Optional.of(reach.onlyQuiet() ? ONLY_QUIET_SERVERS : NO_RUNNING_SERVER);
    }

    /** Draws the page again from the job as read now: the state it shows, and what the other beans keep of it. */
    void reload() {
        loaded = false;
        unreachable = null;
        JobView current = getJob();
        if (current != null) {
            shownState = current.state();
            shownRetry = current.retry();
        }
        drawn.fire(new Drawn(current));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public String getGraphUuid() {
        UUID graphUuid = getJob().graphUuid();
        return graphUuid == null ? null : graphUuid.toString();
    }

    public String getArguments() {
        return JobTexts.prettyJson(getJob().arguments());
    }

    public List<String> getJobFunctionParts() {
        return JobTexts.dottedParts(getJob().jobFunction());
    }

    public String getExecTimeSeconds() {
        return JobTexts.seconds(getJob().execTimeMillis());
    }

    static Optional<UUID> parse(String uuid) {
        if (uuid == null || uuid.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(uuid.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
