package org.queuejob.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.queuejob.application.BulkAction;
import org.queuejob.application.CancelInterrupt;
import org.queuejob.application.JobAdminService;
import org.queuejob.application.JobFunctionService;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.web.security.ManagerOnly;
import org.queuejob.web.security.Roles;

/**
 * The job page's actions (the original's header buttons, §4.4): requeue, set done, cancel and related, and which of
 * them, and whether the edit form ({@link JobEditBacking}), are shown. Viewers are shown no action. Actions answer
 * with a redirect to the job's own address (post-redirect-get); a refused one leaves the page drawn again from the
 * job as it is now, with the sentence in the page's message area.
 */
@Named
@ViewScoped
public class JobActionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Said after a cancel or set done of a job a server held: its run, if its method runs, is interrupted. */
    static final String RUN_INTERRUPTED = " If its method is running, its server interrupts it within two seconds (%s"
            + " is true); its work is rolled back.";

    /** The same, for a job function whose runs are not interrupted. */
    static final String RUN_GOES_ON =
            " If its method is running, it runs on until it returns (%s is false), keeping its channel's slot; its"
                    + " work is then rolled back.";

    static final String MOVED_ON = "This job changed while the page was open: it is now %s. Nothing was done: look at"
            + " it again before choosing.";

    @Inject
    JobBacking page;

    @Inject
    JobQueryService jobQueries;

    @EJB
    JobAdminService admin;

    @EJB
    JobFunctionService jobFunctions;

    /** "Requeue Job": shown when failed, as the original; also allowed from done and cancelled by the service. */
    @ManagerOnly
    public void requeue() {
        actOnShownState(() -> admin.requeue(page.getJob().uuid()), "Requeued.");
    }

    @ManagerOnly
    public void markDone() {
        actOnShownState(() -> admin.markDone(page.getJob().uuid()), "Set to done." + ifRunning());
    }

    @ManagerOnly
    public void cancel() {
        actOnShownState(
                () -> admin.cancel(page.getJob().uuid()), "Cancelled, with the jobs that depend on it." + ifRunning());
    }

    /** What becomes of the run of a job a server holds (the page shows it enqueued or started), if any. */
    private String ifRunning() {
        return page.isRunning()
                ? whatBecomesOfItsRun(jobQueries.cancelInterrupt(page.getJob().jobFunction()))
                : "";
    }

    static String whatBecomesOfItsRun(CancelInterrupt interrupt) {
        return String.format(interrupt.interrupts() ? RUN_INTERRUPTED : RUN_GOES_ON, interrupt.setting());
    }

    /** Viewers are shown no action at all (the server refuses them anyway: {@link ManagerOnly}). */
    public boolean isRequeueShown() {
        return isManager() && page.getJob().state() == JobState.FAILED;
    }

    public boolean isSetDoneShown() {
        return isManager()
                && BulkAction.SET_DONE.appliesTo().contains(page.getJob().state());
    }

    public boolean isCancelShown() {
        return isManager()
                && BulkAction.CANCEL.appliesTo().contains(page.getJob().state());
    }

    /** Priority, eta and channel can be edited by a manager while no worker holds the job and it has not ended. */
    public boolean isEditable() {
        return isManager()
                && BulkAction.CHANGE_PRIORITY.appliesTo().contains(page.getJob().state());
    }

    /**
     * Whether the actions card has anything to show: a viewer's read-only hint, a button or the edit fields. A manager
     * looking at a done job without a related action has nothing there; the card is then hidden, unless it carries
     * a message (an action refused because the job moved on since the page was drawn).
     */
    public boolean isActionsShown() {
        return !isManager()
                || isRequeueShown()
                || isSetDoneShown()
                || isCancelShown()
                || isEditable()
                || isRelatedShown();
    }

    /** "Related": shown when the job's function defines an enabled related action (§4.4, F36). */
    public boolean isRelatedShown() {
        return jobFunctions.hasRelatedAction(page.getJob().jobFunction());
    }

    /** Opens where the related action leads, or says, in the original's words, that there is nowhere to go. */
    public void openRelated() throws IOException {
        Optional<URI> target = jobFunctions.relatedActionTarget(page.getJob().uuid());
        if (target.isPresent()) {
            Faces.redirect(target.get().toString());
        } else {
            Messages.addGlobalWarn(JobFunctionService.NO_ACTION);
        }
    }

    public boolean isManager() {
        return Roles.isManager();
    }

    /**
     * A state action applies to the state the page showed, or not at all: a click meant for a failed job must not
     * requeue it once someone else has set it done (the service allows a requeue from done too, as the original's
     * wizard does, and the page still holds the job as it was drawn). The page then shows the job as it is now.
     */
    private void actOnShownState(Runnable action, String done) {
        Optional<JobState> now = page.stateNow();
        JobState shown = page.shownState();
        if (now.isPresent() && shown != null && now.get() != shown) {
            Refusals.error(null, String.format(MOVED_ON, now.get().label().toLowerCase(Locale.ROOT)));
            page.reload();
            return;
        }
        act(action, done);
    }

    /**
     * Runs an action of the page (its buttons', its edit form's). Done: post-redirect-get to the job's own address,
     * the message carried by the flash, so that the address keeps its uuid and a reload does not post again. Refused:
     * the page stays, with the sentence, drawn again from the job as it is now.
     */
    void act(Runnable action, String done) {
        try {
            action.run();
        } catch (RuntimeException e) {
            Refusals.show(e);
            page.reload();
            return;
        }
        Faces.getFlash().setKeepMessages(true);
        Refusals.info(null, done);
        Faces.redirect(JobBacking.SELF, page.getJob().uuid().toString());
    }
}
