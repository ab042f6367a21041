package org.queuejob.web;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.queuejob.application.BulkAction;
import org.queuejob.domain.model.autovacuum.RunOutcome;
import org.queuejob.domain.model.bulk.BulkActionRun;
import org.queuejob.web.format.RunTexts;

/**
 * A bulk action as the back office shows it (the Bulk actions screen, the Jobs screen's dialog): its record, read from
 * the database at {@code readAt}, in sentences and short figures.
 */
public record BulkActionView(BulkActionRun run, Instant readAt) implements Serializable {

    public long getId() {
        return run.id();
    }

    /** "Requeue", "Change priority to 3", "Change channel to root.mail". */
    public String getAction() {
        BulkAction action = BulkAction.valueOf(run.action());
        return switch (action) {
            case CHANGE_PRIORITY -> action.label() + " to " + run.priority();
            case CHANGE_CHANNEL -> action.label() + " to " + run.channel();
            default -> action.label();
        };
    }

    public String getLabel() {
        return BulkAction.valueOf(run.action()).label();
    }

    /** "Requeue: 1,200 of 10,000 jobs." or, once ended, "…, completed." */
    public String getStatus() {
        return String.format(
                Locale.ROOT,
                "%s: %s of %s jobs%s.",
                getLabel(),
                RunTexts.count(run.processed()),
                RunTexts.count(run.matched()),
                run.finished() ? ", " + run.outcome().label().toLowerCase(Locale.ROOT) : "");
    }

    /** "9,990 changed, 10 not changed." */
    public String getResult() {
        return RunTexts.count(run.changed()) + " changed, " + RunTexts.count(run.notChanged()) + " not changed.";
    }

    /** "9,990". */
    public String getChanged() {
        return RunTexts.count(run.changed());
    }

    /** "10". */
    public String getNotChanged() {
        return RunTexts.count(run.notChanged());
    }

    /** Why jobs were not changed, one line per reason with its count, most frequent first. */
    public List<String> getReasons() {
        List<String> reasons = new ArrayList<>();
        if (run.skippedState() >= run.skippedGone()) {
            add(reasons, run.skippedState(), BulkActionRun.NO_LONGER_APPLIES);
            add(reasons, run.skippedGone(), BulkActionRun.GONE);
        } else {
            add(reasons, run.skippedGone(), BulkActionRun.GONE);
            add(reasons, run.skippedState(), BulkActionRun.NO_LONGER_APPLIES);
        }
        return reasons;
    }

    public int getPercent() {
        return run.percent();
    }

    public String getDuration() {
        return RunTexts.duration(run.duration(readAt));
    }

    public String getRate() {
        return String.format(Locale.ROOT, "%,.0f jobs/s", run.jobsPerSecond(readAt));
    }

    public String getOutcome() {
        return run.stopRequested() && run.outcome() == RunOutcome.RUNNING
                ? "Stopping"
                : run.outcome().label();
    }

    public boolean isRunning() {
        return run.outcome() == RunOutcome.RUNNING;
    }

    public boolean isFinished() {
        return run.finished();
    }

    public boolean isFailed() {
        return run.outcome() == RunOutcome.FAILED;
    }

    public boolean isResumable() {
        return run.outcome().isResumable();
    }

    public boolean isStoppable() {
        return isRunning() && !run.stopRequested();
    }

    private static void add(List<String> reasons, long jobs, String reason) {
        if (jobs > 0) {
            reasons.add(RunTexts.count(jobs) + (jobs == 1 ? " job: " : " jobs: ") + reason);
        }
    }
}
