package org.queuejob.domain.model.function;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.Optional;
import org.queuejob.domain.model.job.ChannelName;
import org.queuejob.domain.model.job.RetryPattern;

/**
 * The record of one job function (the original's {@code queue.job.function}): defaults from the code, overridden by
 * what staff edit. Every edit is validated with the original's messages before it is taken, so a record always
 * yields a usable channel, retry pattern and related action.
 */
@Entity
@Table(name = "queue_job_function")
public class JobFunctionConfig {

    @Id
    private String name;

    @Column(name = "default_channel", nullable = false)
    private String defaultChannel;

    @Column(name = "default_retry_pattern")
    private String defaultRetryPattern;

    @Column(name = "default_related_action")
    private String defaultRelatedAction;

    private String channel;

    @Column(name = "retry_pattern")
    private String retryPattern;

    @Column(name = "related_action")
    private String relatedAction;

    @Version
    private int version;

    protected JobFunctionConfig() {
        // for JPA
    }

    public String name() {
        return name;
    }

    /** The channel new jobs of this function go to (unless the call site names one). */
    public String effectiveChannel() {
        return channel != null ? channel : defaultChannel;
    }

    public RetryPattern effectiveRetryPattern() {
        return RetryPattern.parse(retryPattern != null ? retryPattern : defaultRetryPattern, name);
    }

    public Optional<RelatedActionSpec> effectiveRelatedAction() {
        String text = relatedAction != null ? relatedAction : defaultRelatedAction;
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(RelatedActionSpec.parse(text, name));
    }

    public String defaultChannel() {
        return defaultChannel;
    }

    public String defaultRetryPattern() {
        return defaultRetryPattern;
    }

    public String defaultRelatedAction() {
        return defaultRelatedAction;
    }

    /** The edited channel, empty when the code's default applies. */
    public Optional<String> channelOverride() {
        return Optional.ofNullable(channel);
    }

    public Optional<String> retryPatternOverride() {
        return Optional.ofNullable(retryPattern);
    }

    public Optional<String> relatedActionOverride() {
        return Optional.ofNullable(relatedAction);
    }

    /**
     * Takes staff's values; a blank one clears the override so the code's default applies again.
     *
     * @throws IllegalArgumentException with the original's message for a malformed retry pattern or related action,
     *     and nothing changed
     */
    public void edit(String newChannel, String newRetryPattern, String newRelatedAction) {
        String checkedChannel = blank(newChannel) ? null : ChannelName.normalize(newChannel);
        String checkedPattern = blank(newRetryPattern) ? null : newRetryPattern.strip();
        String checkedAction = blank(newRelatedAction) ? null : newRelatedAction.strip();
        RetryPattern.parse(checkedPattern, name);
        if (checkedAction != null) {
            RelatedActionSpec.parse(checkedAction, name);
        }
        this.channel = checkedChannel;
        this.retryPattern = checkedPattern;
        this.relatedAction = checkedAction;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JobFunctionConfig that && Objects.equals(name, that.name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }
}
