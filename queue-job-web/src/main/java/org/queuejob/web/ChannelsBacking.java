package org.queuejob.web;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;
import org.queuejob.application.ChannelService;
import org.queuejob.application.ChannelView;
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
    static final String PAUSED = "Channel %s paused: nothing new starts in it or below it.";
    static final String RESUMED = "Channel %s resumed.";

    @EJB
    ChannelService channels;

    private transient TreeNode<ChannelView> tree;

    /** The channel being edited, and its new settings. */
    private String editName;

    private Integer editCapacity;
    private boolean editSequential;
    private int editThrottle;
    private int editRemovalInterval;

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

    public void edit(ChannelView channel) {
        editName = channel.completeName();
        editCapacity = channel.capacity();
        editSequential = channel.sequential();
        editThrottle = channel.throttleSeconds();
        editRemovalInterval = channel.removalIntervalDays();
    }

    @ManagerOnly
    public void save() {
        if (act(() -> {
            channels.configure(
                    editName,
                    editCapacity == null ? OptionalInt.empty() : OptionalInt.of(editCapacity),
                    editSequential,
                    editThrottle);
            channels.changeRemovalInterval(editName, editRemovalInterval);
        })) {
            Messages.addGlobalInfo(String.format(SAVED, editName));
            Faces.getContext().getPartialViewContext().getEvalScripts().add("PF('channelDialog').hide()");
        }
    }

    @ManagerOnly
    public void pause(String completeName) {
        if (act(() -> channels.pause(completeName))) {
            Messages.addGlobalInfo(String.format(PAUSED, completeName));
        }
    }

    @ManagerOnly
    public void resume(String completeName) {
        if (act(() -> channels.resume(completeName))) {
            Messages.addGlobalInfo(String.format(RESUMED, completeName));
        }
    }

    public boolean isManager() {
        return Roles.isManager();
    }

    private boolean act(Runnable action) {
        try {
            action.run();
            return true;
        } catch (EJBException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            Messages.addGlobalError(cause.getMessage());
            Faces.validationFailed();
            return false;
        } catch (RuntimeException e) {
            Messages.addGlobalError(e.getMessage());
            Faces.validationFailed();
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

    public int getEditThrottle() {
        return editThrottle;
    }

    public void setEditThrottle(int editThrottle) {
        this.editThrottle = editThrottle;
    }

    public int getEditRemovalInterval() {
        return editRemovalInterval;
    }

    public void setEditRemovalInterval(int editRemovalInterval) {
        this.editRemovalInterval = editRemovalInterval;
    }
}
