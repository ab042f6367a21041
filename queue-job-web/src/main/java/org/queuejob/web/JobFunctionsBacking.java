package org.queuejob.web;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.queuejob.application.InvalidSettingException;
import org.queuejob.application.JobFunctionService;
import org.queuejob.application.JobFunctionView;
import org.queuejob.web.format.JobTexts;
import org.queuejob.web.security.ManagerOnly;
import org.queuejob.web.security.Roles;

/**
 * The job functions ({@code job-functions.xhtml}, the original's "Job Functions" menu, §4.8): list (name, channel,
 * retry pattern, related action) and edit (channel, retry pattern, related action; blank restores the code's
 * default). A malformed value is refused with the original's message and nothing changes.
 */
@Named
@ViewScoped
public class JobFunctionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String SAVED = "Job function %s saved.";

    @EJB
    JobFunctionService jobFunctions;

    private transient List<JobFunctionView> functions;

    private String editName;
    private String editChannel;
    private String editRetryPattern;
    private String editRelatedAction;

    public List<JobFunctionView> getFunctions() {
        if (functions == null) {
            functions = jobFunctions.list();
        }
        return functions;
    }

    public void edit(JobFunctionView function) {
        editName = function.name();
        editChannel = function.editedChannel();
        editRetryPattern = function.editedRetryPattern();
        editRelatedAction = function.editedRelatedAction();
    }

    @ManagerOnly
    public void save() {
        try {
            jobFunctions.edit(editName, editChannel, editRetryPattern, editRelatedAction);
            Messages.addGlobalInfo(String.format(SAVED, editName));
            Faces.getContext().getPartialViewContext().getEvalScripts().add("PF('functionDialog').hide()");
        } catch (InvalidSettingException e) {
            Messages.addGlobalError(e.getMessage());
            Faces.validationFailed();
        } catch (EJBException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            Messages.addGlobalError(cause.getMessage());
            Faces.validationFailed();
        } finally {
            functions = null;
        }
    }

    public boolean isManager() {
        return Roles.isManager();
    }

    public String simpleFunctionName(String name) {
        return JobTexts.simpleFunctionName(name);
    }

    public String getEditName() {
        return editName;
    }

    public String getEditChannel() {
        return editChannel;
    }

    public void setEditChannel(String editChannel) {
        this.editChannel = editChannel;
    }

    public String getEditRetryPattern() {
        return editRetryPattern;
    }

    public void setEditRetryPattern(String editRetryPattern) {
        this.editRetryPattern = editRetryPattern;
    }

    public String getEditRelatedAction() {
        return editRelatedAction;
    }

    public void setEditRelatedAction(String editRelatedAction) {
        this.editRelatedAction = editRelatedAction;
    }
}
