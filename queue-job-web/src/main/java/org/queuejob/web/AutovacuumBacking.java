package org.queuejob.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.queuejob.application.AutovacuumOverview;
import org.queuejob.application.AutovacuumService;
import org.queuejob.application.InvalidSettingException;
import org.queuejob.domain.model.autovacuum.AutovacuumRun;
import org.queuejob.domain.model.autovacuum.RunOutcome;
import org.queuejob.web.format.RunTexts;
import org.queuejob.web.security.ManagerOnly;
import org.queuejob.web.security.Roles;

/**
 * The autovacuum panel of the Channels screen ({@code channels.xhtml}): the schedule, the last runs (when, by whom,
 * where, outcome, jobs deleted, duration, rate) read from the database, so every server shows the same, and the
 * manager's "Run autovacuum now", Stop (after the run's current chunk) and Resume (from its checkpoint, on the server
 * that ran it). Request scoped: every poll reads the runs again.
 */
@Named
@RequestScoped
public class AutovacuumBacking {

    static final int SHOWN = 5;
    static final String STARTED =
            "Autovacuum run %d started on %s: it deletes in the background; this panel follows it.";
    static final String STOP_ASKED = "Autovacuum run %d stops after its current chunk; Resume continues it from there.";
    static final String RESUMED = "Autovacuum run %d resumed on %s from its last checkpoint: it deletes nothing twice.";
    static final String UNKNOWN = "That autovacuum run is not known. Nothing was changed.";

    /**
     * The request parameter that names the run of the row whose button was pressed, rendered into the button. Not
     * the row's place: the list is newest first and read again every 5 seconds, so a run started meanwhile (the
     * daily one, another manager's) takes the place of the one the manager meant.
     */
    static final String ROW = "runId";

    @Inject
    AutovacuumService autovacuum;

    private AutovacuumOverview overview;

    public List<AutovacuumRun> getRuns() {
        return overview().runs();
    }

    public String getSchedule() {
        AutovacuumOverview shown = overview();
        return RunTexts.schedule(shown.scheduled(), shown.time(), shown.zone(), shown.pace(), shown.yielding());
    }

    @ManagerOnly
    public void runNow() {
        try {
            AutovacuumRun run = autovacuum.start(Faces.getRemoteUser());
            Messages.addGlobalInfo(String.format(STARTED, run.id(), run.server()));
        } catch (RuntimeException e) {
            Refusals.show(e);
        } finally {
            overview = null;
        }
    }

    /** Asks the pressed row's run to stop after its current chunk, or says why it cannot (ended, another server's). */
    @ManagerOnly
    public void stop() {
        try {
            AutovacuumRun run = autovacuum.requestStop(pressed());
            Messages.addGlobalInfo(String.format(STOP_ASKED, run.id()));
        } catch (RuntimeException e) {
            Refusals.show(e);
        } finally {
            overview = null;
        }
    }

    /** Resumes the pressed row's stopped or failed run from its checkpoint, or says why it cannot. */
    @ManagerOnly
    public void resume() {
        try {
            AutovacuumRun run = autovacuum.resume(pressed());
            Messages.addGlobalInfo(String.format(RESUMED, run.id(), run.server()));
        } catch (RuntimeException e) {
            Refusals.show(e);
        } finally {
            overview = null;
        }
    }

    /** The id of the run whose row's button was pressed ({@link #ROW}). */
    private static long pressed() {
        try {
            return Long.parseLong(String.valueOf(Faces.getRequestParameter(ROW)));
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(UNKNOWN, e);
        }
    }

    /** Whether the row shows Stop: the run is running (on any server; another's says why it cannot). */
    public boolean isStoppable(AutovacuumRun run) {
        return run.outcome() == RunOutcome.RUNNING;
    }

    /** Whether the row shows Resume: the run stopped or failed. */
    public boolean isResumable(AutovacuumRun run) {
        return run.outcome().isResumable();
    }

    public boolean isManager() {
        return Roles.isManager();
    }

    public boolean isFailed(AutovacuumRun run) {
        return run.outcome() == RunOutcome.FAILED;
    }

    public String deleted(AutovacuumRun run) {
        return RunTexts.count(run.rowsDeleted());
    }

    public String duration(AutovacuumRun run) {
        return RunTexts.duration(run.duration(overview().readAt()));
    }

    public String rate(AutovacuumRun run) {
        return RunTexts.rate(run.rowsPerSecond(overview().readAt()), run.rowsPerWorkingSecond());
    }

    private AutovacuumOverview overview() {
        if (overview == null) {
            overview = autovacuum.overview(SHOWN);
        }
        return overview;
    }
}
