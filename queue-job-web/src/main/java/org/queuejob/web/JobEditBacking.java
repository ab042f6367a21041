package org.queuejob.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.event.Observes;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.queuejob.application.FieldEdit;
import org.queuejob.application.JobAdminService;
import org.queuejob.domain.model.job.ChannelName;
import org.queuejob.web.security.ManagerOnly;

/**
 * The job page's edit form: priority, eta and channel, with Bean Validation limits (the columns', the channel
 * grammar) refused with sentences in the page's message area. Shown when {@link JobActionsBacking#isEditable}; saved
 * as the page's other actions are ({@link JobActionsBacking}: post-redirect-get, or the refusal and the form filled
 * again from the job as it is now).
 */
@Named
@ViewScoped
public class JobEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    JobBacking page;

    @Inject
    JobActionsBacking actions;

    @EJB
    JobAdminService admin;

    @NotNull(message = JobBacking.PRIORITY_RULE)
    @Min(value = 0, message = JobBacking.PRIORITY_RULE)
    @Max(value = JobBacking.MAX_PRIORITY, message = JobBacking.PRIORITY_RULE)
    private Integer editPriority;

    private LocalDateTime editEta;

    @NotBlank(message = JobBacking.CHANNEL_REQUIRED)
    @Size(max = ChannelName.MAX_LENGTH, message = JobBacking.CHANNEL_TOO_LONG)
    @Pattern(regexp = ChannelName.PATTERN, message = JobBacking.CHANNEL_RULE)
    private String editChannel;

    /** The editable fields as the form was loaded with them: a save writes only those changed since. */
    private Integer shownPriority;

    private Instant shownEta;

    private String shownChannel;

    /** The page is drawn from the job as it is now: the form shows its values, typed ones are dropped. */
    void fill(@Observes JobBacking.Drawn drawn) {
        JobView current = drawn.job();
        if (current != null) {
            shownPriority = current.priority();
            shownEta = current.eta();
            shownChannel = current.channel();
            editPriority = current.priority();
            editEta = current.eta() == null ? null : shown(current.eta());
            editChannel = current.channel();
        }
    }

    /**
     * Saves the editable fields: priority, eta (empty = as soon as possible) and channel. Only those changed in the
     * form are written (each compared with what the page showed), so that a field left alone keeps its stored value,
     * to the fraction of a second, and another person's change to it meanwhile; a field changed here that someone
     * else changed meanwhile refuses the save ({@link FieldEdit}).
     */
    @ManagerOnly
    public void save() {
        FieldEdit<Integer> priority = FieldEdit.from(shownPriority, editPriority);
        FieldEdit<Instant> eta = FieldEdit.from(shownEta, typedEta(editEta, shownEta));
        FieldEdit<String> channel = FieldEdit.from(shownChannel, completeChannel(editChannel));
        actions.act(() -> admin.edit(page.getJob().uuid(), priority, eta, channel), "Saved.");
    }

    /** The eta in the field, as an instant: the stored one when the field still shows it (to the second). */
    static Instant typedEta(LocalDateTime field, Instant shownEta) {
        if (field == null) {
            return null;
        }
        if (shownEta != null && field.equals(shown(shownEta))) {
            return shownEta;
        }
        return field.toInstant(ZoneOffset.UTC);
    }

    /** The eta as the date field shows it: UTC, to the second (its pattern has no fractions). */
    static LocalDateTime shown(Instant eta) {
        return LocalDateTime.ofInstant(eta, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The channel as stored ({@code mail} is {@code root.mail}), for the comparison with the one shown. */
    static String completeChannel(String typed) {
        try {
            return ChannelName.normalize(typed);
        } catch (IllegalArgumentException e) {
            // Refused by the service with the grammar's sentence: passed on as typed.
            return typed;
        }
    }

    public Integer getEditPriority() {
        return editPriority;
    }

    public void setEditPriority(Integer editPriority) {
        this.editPriority = editPriority;
    }

    public LocalDateTime getEditEta() {
        return editEta;
    }

    public void setEditEta(LocalDateTime editEta) {
        this.editEta = editEta;
    }

    public String getEditChannel() {
        return editChannel;
    }

    public void setEditChannel(String editChannel) {
        this.editChannel = editChannel;
    }

    public String getPriorityRule() {
        return JobBacking.PRIORITY_RULE;
    }

    public String getEtaRule() {
        return JobBacking.ETA_RULE;
    }

    public String getChannelRequired() {
        return JobBacking.CHANNEL_REQUIRED;
    }
}
