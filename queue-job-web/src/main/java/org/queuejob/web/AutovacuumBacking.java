package org.queuejob.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.queuejob.application.AutovacuumOverview;
import org.queuejob.application.AutovacuumService;
import org.queuejob.domain.model.autovacuum.AutovacuumRun;
import org.queuejob.domain.model.autovacuum.RunOutcome;
import org.queuejob.web.format.RunTexts;
import org.queuejob.web.security.ManagerOnly;
import org.queuejob.web.security.Roles;

/**
 * The autovacuum panel of the Channels screen ({@code channels.xhtml}): the schedule, the last runs (when, by whom,
 * where, outcome, jobs deleted, duration, rate) read from the database, so every server shows the same, and the
 * manager's "Run autovacuum now". Request scoped: every poll reads the runs again.
 */
@Named
@RequestScoped
public class AutovacuumBacking {

    static final int SHOWN = 5;
    static final String STARTED =
            "Autovacuum run %d started on %s: it deletes in the background; this panel follows it.";

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
