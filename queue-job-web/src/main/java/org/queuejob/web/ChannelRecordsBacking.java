package org.queuejob.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.omnifaces.util.Faces;
import org.primefaces.PrimeFaces;
import org.queuejob.application.ChannelDeletion;
import org.queuejob.application.ChannelService;
import org.queuejob.application.ChannelView;
import org.queuejob.domain.model.channel.Channel;
import org.queuejob.domain.scheduling.ChannelSpec;
import org.queuejob.web.security.ManagerOnly;

/**
 * The Channels screen's channel records ({@code channels.xhtml}): a manager's **New channel** (a complete name typed
 * or chosen among the channels that only have jobs, with its settings) and **Delete** of a row's record, confirmed in
 * a dialog that says what becomes of the channel's jobs first. The tree, the edits and the pauses are {@link
 * ChannelsBacking}'s, which this bean has redraw the tree after its actions.
 */
@Named
@ViewScoped
public class ChannelRecordsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String CREATED =
            "Channel %s created with settings of its own; the dispatchers apply them within their poll interval.";
    static final String DELETED = "Channel %s deleted: its jobs run under %s, as any channel's without settings do.";
    static final String RESET = "Channel %s has what queue-job.channels gives it again: %s.";
    static final String UNCHANGED = "Channel %s has exactly what queue-job.channels gives it already (%s), no pause"
            + " and the removal interval it inherits: there is nothing to delete.";

    /** Optional for a new channel: empty keeps the interval it has now. */
    static final String NEW_REMOVAL_RULE = "Removal interval: a whole number of days from 1 to 36,500, or empty for"
            + " the interval the channel has now, its nearest configured parent's.";

    /** Where the New channel dialog's refusals go: its own message area lists them, above the dialog's overlay. */
    static final String DIALOG_MESSAGES = "newChannelForm:createChannel";

    /** At most this many sub-channels are named in the delete dialog. */
    static final int SUB_CHANNELS_NAMED = 5;

    @EJB
    ChannelService channels;

    @Inject
    ChannelsBacking channelsBacking;

    private String newName;

    @Min(value = 0, message = ChannelsBacking.CAPACITY_RULE)
    @Max(value = ChannelsBacking.MAX_CAPACITY, message = ChannelsBacking.CAPACITY_RULE)
    private Integer newCapacity;

    private boolean newSequential;

    @NotNull(message = ChannelsBacking.THROTTLE_RULE)
    @Min(value = 0, message = ChannelsBacking.THROTTLE_RULE)
    @Max(value = ChannelsBacking.MAX_THROTTLE_SECONDS, message = ChannelsBacking.THROTTLE_RULE)
    private Integer newThrottle = 0;

    @Min(value = 1, message = NEW_REMOVAL_RULE)
    @Max(value = Channel.MAX_REMOVAL_INTERVAL_DAYS, message = NEW_REMOVAL_RULE)
    private Integer newRemovalInterval;

    /** The channels that only have jobs, read when the New channel dialog was opened: its name's suggestions. */
    private List<String> unconfigured = List.of();

    /** What the delete dialog shows, read when it was opened; its channel is the one Delete acts on. */
    private ChannelDeletion deletion;

    /** Opens the New channel dialog, empty: no capacity of its own (unlimited), no throttle, the inherited interval. */
    @ManagerOnly
    public void startCreate() {
        newName = null;
        newCapacity = null;
        newSequential = false;
        newThrottle = 0;
        newRemovalInterval = null;
        unconfigured = channels.overview().stream()
                .filter(channel -> !channel.configured())
                .map(ChannelView::completeName)
                .toList();
    }

    /**
     * A new record of the typed channel, with its settings, or the service's refusal in the dialog, which stays open
     * with what was typed (a name that breaks the grammar, a channel that has settings already, sequential with a
     * capacity of 2).
     */
    @ManagerOnly
    public void create() {
        String name = newName == null ? "" : newName;
        try {
            channels.create(
                    name,
                    newCapacity == null ? OptionalInt.empty() : OptionalInt.of(newCapacity),
                    newSequential,
                    newThrottle == null ? 0 : newThrottle,
                    newRemovalInterval == null ? OptionalInt.empty() : OptionalInt.of(newRemovalInterval));
            Refusals.info(null, String.format(CREATED, name));
            Faces.getContext().getPartialViewContext().getEvalScripts().add("PF('newChannelDialog').hide()");
        } catch (RuntimeException e) {
            Refusals.showOn(DIALOG_MESSAGES, e);
        } finally {
            channelsBacking.refresh();
        }
    }

    /**
     * Opens the delete dialog on the pressed row's channel with what a delete would do, read now (callback parameter
     * {@code found}); root, a channel without a record and one that has its configured settings already are answered
     * on the page instead, and no dialog opens.
     */
    @ManagerOnly
    public void askDelete() {
        String name = String.valueOf(Faces.getRequestParameter(ChannelsBacking.ROW));
        try {
            ChannelDeletion preview = channels.deletion(name);
            if (preview.outcome() == ChannelDeletion.Outcome.UNCHANGED) {
                Refusals.info(null, String.format(UNCHANGED, name, settingsText(preview.configured())));
                return;
            }
            deletion = preview;
            PrimeFaces.current().ajax().addCallbackParam("found", true);
        } catch (RuntimeException e) {
            Refusals.show(e);
        } finally {
            channelsBacking.refresh(); // the tree redrawn with this click
        }
    }

    /** Deletes (or, for a channel the configuration declares, resets) the record the dialog was opened on. */
    @ManagerOnly
    public void delete() {
        if (deletion == null) {
            return;
        }
        String name = deletion.completeName();
        try {
            ChannelDeletion done = channels.delete(name);
            Refusals.info(null, doneText(done));
        } catch (RuntimeException e) {
            Refusals.show(e);
        } finally {
            deletion = null;
            channelsBacking.refresh();
            Faces.getContext().getPartialViewContext().getEvalScripts().add("PF('deleteChannelDialog').hide()");
        }
    }

    /** What the page says once a delete is done. */
    static String doneText(ChannelDeletion done) {
        return switch (done.outcome()) {
            case DELETED -> String.format(DELETED, done.completeName(), done.runsUnder());
            case RESET_TO_CONFIGURATION -> String.format(RESET, done.completeName(), settingsText(done.configured()));
            case UNCHANGED -> String.format(UNCHANGED, done.completeName(), settingsText(done.configured()));
        };
    }

    /**
     * What the delete dialog says will happen, one sentence a line: where the channel's jobs run and for how long the
     * ended ones are kept, the pause, the sub-channels with settings of their own, and for a channel the configuration
     * declares, why its record stays and what it gets back.
     */
    static List<String> consequences(ChannelDeletion deletion) {
        List<String> lines = new ArrayList<>();
        String removal = removalText(deletion);
        if (deletion.declared()) {
            lines.add(String.format(
                    "queue-job.channels %s %s, and each start would create its record again; so its record stays,"
                            + " and Delete gives it back what the configuration says: %s.",
                    deletion.named() ? "has an entry for" : "implies",
                    deletion.completeName(),
                    settingsText(deletion.configured())));
            lines.add("Its removal interval becomes " + removal);
            if (deletion.pausedBefore()) {
                lines.add("Its pause is lifted: its jobs start again.");
            }
            lines.add(String.format(
                    "Its jobs stay in it (%s); running jobs finish, new starts follow these settings.",
                    jobsText(deletion)));
            return lines;
        }
        lines.add(String.format(
                "Its jobs (%s) then run under %s, its nearest configured parent, and share its capacity, as any"
                        + " channel's without settings do; running jobs finish.",
                jobsText(deletion), deletion.runsUnder()));
        lines.add("Its done and cancelled jobs are then kept for " + removal);
        if (deletion.pausedBefore()) {
            lines.add("Its pause goes with it: its jobs start again as " + deletion.runsUnder() + " allows.");
        }
        if (!deletion.subChannels().isEmpty()) {
            List<String> subChannels = deletion.subChannels();
            String named = String.join(", ", subChannels.subList(0, Math.min(subChannels.size(), SUB_CHANNELS_NAMED)));
            int more = subChannels.size() - SUB_CHANNELS_NAMED;
            lines.add("Its sub-channels with settings of their own keep them: " + named
                    + (more > 0 ? " and " + more + " more" : "") + ".");
        }
        lines.add("queue-job.channels does not declare it: no start brings its settings back.");
        return lines;
    }

    /** "30 days, root's (now 7)." */
    private static String removalText(ChannelDeletion deletion) {
        String whose = deletion.removalFrom() == null ? "the default" : deletion.removalFrom() + "'s";
        String days = deletion.removalDays() + (deletion.removalDays() == 1 ? " day" : " days");
        return days + ", " + whose
                + (deletion.removalDaysBefore() == deletion.removalDays()
                        ? ", as now."
                        : " (now " + deletion.removalDaysBefore() + ").");
    }

    private static String jobsText(ChannelDeletion deletion) {
        return deletion.waiting() + " waiting, " + deletion.running() + " running, " + deletion.failed() + " failed";
    }

    /** "capacity 2, not sequential, throttle 1 s". */
    static String settingsText(ChannelSpec spec) {
        String capacity = spec.capacity().isEmpty() || spec.capacity().getAsInt() == 0
                ? "unlimited capacity"
                : "capacity " + spec.capacity().getAsInt();
        String throttle = spec.throttleSeconds() == 0 ? "no throttle" : "throttle " + spec.throttleSeconds() + " s";
        return capacity + ", " + (spec.sequential() ? "sequential" : "not sequential") + ", " + throttle;
    }

    /** The delete dialog's title. */
    public String getDeleteTitle() {
        if (deletion == null) {
            return "";
        }
        return deletion.declared()
                ? "Put back the configured settings of " + deletion.completeName() + "?"
                : "Delete the settings of " + deletion.completeName() + "?";
    }

    public List<String> getDeleteConsequences() {
        return deletion == null ? List.of() : consequences(deletion);
    }

    /** The confirming button says what it does. */
    public String getDeleteLabel() {
        return deletion != null && deletion.declared() ? "Put back the configured settings" : "Delete";
    }

    /** The channels that only have jobs (as the dialog was opened), suggested for a new record's name. */
    public List<String> getUnconfigured() {
        return unconfigured;
    }

    public String getCapacityLabel() {
        return ChannelsBacking.CAPACITY_LABEL;
    }

    public String getRemovalRule() {
        return NEW_REMOVAL_RULE;
    }

    public String getRemovalHint() {
        return "Empty: the interval the autovacuum applies to it now, its nearest configured parent's.";
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public Integer getNewCapacity() {
        return newCapacity;
    }

    public void setNewCapacity(Integer newCapacity) {
        this.newCapacity = newCapacity;
    }

    public boolean isNewSequential() {
        return newSequential;
    }

    public void setNewSequential(boolean newSequential) {
        this.newSequential = newSequential;
    }

    public Integer getNewThrottle() {
        return newThrottle;
    }

    public void setNewThrottle(Integer newThrottle) {
        this.newThrottle = newThrottle;
    }

    public Integer getNewRemovalInterval() {
        return newRemovalInterval;
    }

    public void setNewRemovalInterval(Integer newRemovalInterval) {
        this.newRemovalInterval = newRemovalInterval;
    }
}
