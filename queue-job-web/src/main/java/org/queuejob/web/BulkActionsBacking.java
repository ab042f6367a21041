package org.queuejob.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.queuejob.application.BulkActionService;
import org.queuejob.application.InvalidSettingException;
import org.queuejob.domain.model.autovacuum.LoadYield;
import org.queuejob.domain.model.bulk.BulkActionRun;
import org.queuejob.web.format.RunTexts;
import org.queuejob.web.security.ManagerOnly;
import org.queuejob.web.security.Roles;

/**
 * The Bulk actions screen ({@code bulk-actions.xhtml}): the running and latest bulk actions read from the database,
 * so every server, and every reload, shows the same; a manager's Stop (after the current chunk, wherever the action
 * runs) and Resume (from its last chunk, on this server). Request scoped: every poll reads the records again.
 */
@Named
@RequestScoped
public class BulkActionsBacking {

    static final int SHOWN = 50;
    static final String STOP_ASKED = "Bulk action %d stops after its current chunk.";
    static final String RESUMED = "Bulk action %d resumed on %s, after the last job it changed.";

    /**
     * The request parameter that names the action of the row whose button was pressed, rendered into the button.
     * Not the row's place: the list is newest first and read again every 2 seconds, so an action started meanwhile
     * takes the place of the one the manager meant, and a button resolved by place stopped that new action.
     */
    static final String ROW = "bulkActionId";

    static final String UNKNOWN = "That bulk action is not known. Nothing was changed.";

    @Inject
    BulkActionService bulkActions;

    private List<BulkActionView> actions;

    public List<BulkActionView> getActions() {
        if (actions == null) {
            Instant now = bulkActions.now();
            actions = bulkActions.latest(SHOWN).stream()
                    .map(run -> new BulkActionView(run, now))
                    .toList();
        }
        return actions;
    }

    public String getPace() {
        try {
            return RunTexts.pace(bulkActions.pace(), bulkActions.yielding());
        } catch (InvalidSettingException e) {
            // The setting's own sentence, where the pace is described: an action would not start with it.
            return RunTexts.pace(bulkActions.pace(), LoadYield.NONE) + " " + e.getMessage();
        }
    }

    @ManagerOnly
    public void stop() {
        try {
            long id = pressed();
            bulkActions.stop(id);
            Messages.addGlobalInfo(String.format(STOP_ASKED, id));
        } catch (RuntimeException e) {
            Refusals.show(e);
        } finally {
            actions = null;
        }
    }

    @ManagerOnly
    public void resume() {
        try {
            long id = pressed();
            BulkActionRun run = bulkActions.resume(id);
            Messages.addGlobalInfo(String.format(RESUMED, id, run.server()));
        } catch (RuntimeException e) {
            Refusals.show(e);
        } finally {
            actions = null;
        }
    }

    /** The id of the action whose row's button was pressed ({@link #ROW}). */
    private static long pressed() {
        try {
            return Long.parseLong(String.valueOf(Faces.getRequestParameter(ROW)));
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(UNKNOWN, e);
        }
    }

    public boolean isManager() {
        return Roles.isManager();
    }
}
