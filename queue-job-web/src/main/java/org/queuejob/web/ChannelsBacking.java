package org.queuejob.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.omnifaces.util.Faces;
import org.primefaces.PrimeFaces;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;
import org.queuejob.application.ChannelService;
import org.queuejob.application.ChannelView;
import org.queuejob.application.FieldEdit;
import org.queuejob.domain.model.channel.Channel;
import org.queuejob.domain.scheduling.ChannelSpec;
import org.queuejob.web.security.ManagerOnly;
import org.queuejob.web.security.Roles;

/**
 * The channels ({@code channels.xhtml}): the tree with each channel's settings and live job counts (read from the
 * database, the same on every server), refreshed every 5 seconds; edit, pause and resume.
 */
@Named
@ViewScoped
public class ChannelsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String SAVED = "Channel %s saved; the dispatchers apply it within their poll interval.";
    static final String CREATED = "Channel %s created: its own settings are saved; the dispatchers apply them within"
            + " their poll interval.";
    static final String PAUSED = "Channel %s paused: nothing new starts in it or below it.";
    static final String RESUMED = "Channel %s resumed.";
    static final String GONE = "Channel %s is no longer in the tree: it has no settings and no job waiting or running"
            + " any more. Nothing was changed.";

    /**
     * The request parameter that names the channel of the row whose button was pressed, rendered into the button.
     * Not the row's place: the refresh every 5 seconds may have given that place to another channel (one that a new
     * job or another manager has just added above it) since the page was drawn, and a button resolved by place
     * paused that other channel.
     */
    static final String ROW = "channel";

    @EJB
    ChannelService channels;

    private transient TreeNode<ChannelView> tree;

    static final int MAX_CAPACITY = Channel.MAX_CAPACITY;
    static final int MAX_THROTTLE_SECONDS = Channel.MAX_THROTTLE_SECONDS;

    static final String CAPACITY_RULE = "Capacity: a whole number from 0 to 100,000.";
    static final String THROTTLE_RULE = "Throttle: a whole number of seconds from 0 to 86,400 (a day).";
    static final String REMOVAL_RULE = "Removal interval: a whole number of days from 1 to 36,500.";

    /** The dialog's note on a channel without a record ({@link #getEditRemovalHint}). */
    static final String REMOVAL_INHERITED = "Removal interval %s, which the autovacuum applies to this channel now;"
            + " saving stores it as the channel's own.";

    /** The labels say the rule the scheduler applies: 0 on root stops dispatching, 0 below root is unlimited. */
    static final String ROOT_CAPACITY_LABEL = "Capacity: jobs at once in the whole queue (0 stops dispatching)";

    static final String CAPACITY_LABEL = "Capacity: jobs at once (empty or 0: unlimited)";

    /** Where the dialog's refusals go: its own message area lists them, above the dialog's overlay. */
    static final String DIALOG_MESSAGES = "channelDialogForm:saveChannel";

    /** The channel being edited, and its new settings. */
    private String editName;

    /** The channel as the dialog was opened with it: a save writes only the fields changed since. */
    private ChannelView shown;

    @Min(value = 0, message = CAPACITY_RULE)
    @Max(value = MAX_CAPACITY, message = CAPACITY_RULE)
    private Integer editCapacity;

    private boolean editSequential;

    @NotNull(message = THROTTLE_RULE)
    @Min(value = 0, message = THROTTLE_RULE)
    @Max(value = MAX_THROTTLE_SECONDS, message = THROTTLE_RULE)
    private Integer editThrottle;

    @NotNull(message = REMOVAL_RULE)
    @Min(value = 1, message = REMOVAL_RULE)
    @Max(value = Channel.MAX_REMOVAL_INTERVAL_DAYS, message = REMOVAL_RULE)
    private Integer editRemovalInterval;

    public TreeNode<ChannelView> getTree() {
        if (tree == null) {
            tree = tree(channels.overview());
        }
        return tree;
    }

    /** The poll: counts are read again. */
    public void refresh() {
        tree = null;
    }

    /** Every channel expanded, children under their parent (the overview lists parents before children). */
    static TreeNode<ChannelView> tree(List<ChannelView> views) {
        TreeNode<ChannelView> top = new DefaultTreeNode<>(null, null);
        Map<String, TreeNode<ChannelView>> nodes = new HashMap<>();
        for (ChannelView view : views) {
            TreeNode<ChannelView> parent = view.parentName() == null ? top : nodes.getOrDefault(view.parentName(), top);
            TreeNode<ChannelView> node = new DefaultTreeNode<>(view, parent);
            node.setExpanded(true);
            nodes.put(view.completeName(), node);
        }
        return top;
    }

    /**
     * Opens the dialog on the pressed row's channel, as it is now. The dialog opens only when the channel is still
     * there (callback parameter {@code found}); otherwise the page says so.
     */
    public void edit() {
        String name = pressed();
        List<ChannelView> views = channels.overview();
        tree = tree(views); // the tree redrawn with this click, from the same read
        Optional<ChannelView> found =
                views.stream().filter(view -> view.completeName().equals(name)).findFirst();
        if (found.isEmpty()) {
            Refusals.error(null, String.format(GONE, name));
            return;
        }
        ChannelView channel = found.get();
        editName = channel.completeName();
        editCapacity = channel.capacity();
        editSequential = channel.sequential();
        editThrottle = channel.throttleSeconds();
        editRemovalInterval = channel.removalIntervalDays();
        shown = channel;
        PrimeFaces.current().ajax().addCallbackParam("found", true);
    }

    /** The complete name of the channel whose row's button was pressed ({@link #ROW}). */
    private static String pressed() {
        return String.valueOf(Faces.getRequestParameter(ROW));
    }

    /**
     * Settings and removal interval in one transaction: both are saved, or neither. Only the fields changed in the
     * dialog are written (compared with what it was opened with), so that another person's change to another field
     * is kept; a field changed here and meanwhile by someone else refuses the save ({@link FieldEdit}).
     */
    @ManagerOnly
    public void save() {
        if (act(
                () -> channels.change(
                        editName,
                        FieldEdit.from(shown.capacity(), editCapacity),
                        FieldEdit.from(shown.sequential(), editSequential),
                        FieldEdit.from(shown.throttleSeconds(), editThrottle),
                        FieldEdit.from(shown.removalIntervalDays(), editRemovalInterval)),
                DIALOG_MESSAGES)) {
            Refusals.info(null, String.format(isCreating() ? CREATED : SAVED, editName));
            Faces.getContext().getPartialViewContext().getEvalScripts().add("PF('channelDialog').hide()");
        }
    }

    @ManagerOnly
    public void pause() {
        String completeName = pressed();
        if (act(() -> channels.pause(completeName), null)) {
            Refusals.info(null, String.format(PAUSED, completeName));
        }
    }

    @ManagerOnly
    public void resume() {
        String completeName = pressed();
        if (act(() -> channels.resume(completeName), null)) {
            Refusals.info(null, String.format(RESUMED, completeName));
        }
    }

    public boolean isManager() {
        return Roles.isManager();
    }

    /**
     * Whether the dialog was opened on a channel without a record (one that only has jobs): its save creates the
     * record, and the dialog says so, as the New channel dialog ({@link ChannelRecordsBacking}) does for a name typed.
     */
    public boolean isCreating() {
        return shown != null && !shown.configured();
    }

    public boolean isEditingRoot() {
        return ChannelSpec.ROOT.equals(editName);
    }

    public String getCapacityLabel() {
        return isEditingRoot() ? ROOT_CAPACITY_LABEL : CAPACITY_LABEL;
    }

    public String getCapacityRule() {
        return CAPACITY_RULE;
    }

    public String getThrottleRule() {
        return THROTTLE_RULE;
    }

    public String getRemovalRule() {
        return REMOVAL_RULE;
    }

    /**
     * The Removal column's note for a channel without a record: whose interval the autovacuum applies to its jobs
     * ("from root"); null for a channel with its own. Without it the number read as the channel's own setting.
     */
    public String removalSource(ChannelView channel) {
        if (!channel.removalIntervalInherited()) {
            return null;
        }
        return channel.removalIntervalFrom() == null ? "default" : "from " + channel.removalIntervalFrom();
    }

    /**
     * The dialog's note under the removal interval of a channel without a record: the number is inherited, and a
     * save makes it the channel's own (a later change of the ancestor's no longer reaches it). Null for a record.
     */
    public String getEditRemovalHint() {
        if (shown == null || !shown.removalIntervalInherited()) {
            return null;
        }
        String from = shown.removalIntervalFrom() == null
                ? "the default: no channel above has one"
                : "inherited from " + shown.removalIntervalFrom();
        return String.format(REMOVAL_INHERITED, from);
    }

    /** The tree's capacity: "unlimited", or for root at 0, that nothing is dispatched. */
    public String capacityText(ChannelView channel) {
        if (!channel.configured()) {
            return "parent’s";
        }
        if (channel.capacity() == null) {
            return "unlimited";
        }
        return ChannelSpec.ROOT.equals(channel.completeName()) && channel.capacity() == 0
                ? "0 (dispatching stopped)"
                : String.valueOf(channel.capacity());
    }

    private boolean act(Runnable action, String messagesFor) {
        try {
            action.run();
            return true;
        } catch (RuntimeException e) {
            Refusals.showOn(messagesFor, e);
            return false;
        } finally {
            tree = null;
        }
    }

    public String getEditName() {
        return editName;
    }

    public Integer getEditCapacity() {
        return editCapacity;
    }

    public void setEditCapacity(Integer editCapacity) {
        this.editCapacity = editCapacity;
    }

    public boolean isEditSequential() {
        return editSequential;
    }

    public void setEditSequential(boolean editSequential) {
        this.editSequential = editSequential;
    }

    public Integer getEditThrottle() {
        return editThrottle;
    }

    public void setEditThrottle(Integer editThrottle) {
        this.editThrottle = editThrottle;
    }

    public Integer getEditRemovalInterval() {
        return editRemovalInterval;
    }

    public void setEditRemovalInterval(Integer editRemovalInterval) {
        this.editRemovalInterval = editRemovalInterval;
    }
}
