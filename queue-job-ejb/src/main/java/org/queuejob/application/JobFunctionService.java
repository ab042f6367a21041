package org.queuejob.application;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.queuejob.domain.model.function.JobFunctionConfig;
import org.queuejob.domain.model.function.JobFunctionConfigRepository;
import org.queuejob.domain.model.function.JobFunctionEdited;
import org.queuejob.domain.model.function.RelatedActionSpec;
import org.queuejob.domain.model.job.ChannelName;
import org.queuejob.domain.model.job.JobRepository;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.domain.model.server.FunctionReach;
import org.queuejob.infrastructure.cluster.ClusterMembership;
import org.queuejob.infrastructure.interception.JobFunction;
import org.queuejob.infrastructure.interception.JobFunctionCatalog;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;
import org.queuejob.infrastructure.interception.RelatedActions;

/**
 * Job functions at run time: their records are created (or their code defaults refreshed) as the application
 * starts, staff edit channel, retry pattern and related action, and the back office asks where a job's related
 * action leads. Edits apply to jobs enqueued (channel) or failing (retry pattern) after the commit.
 */
@Stateless
public class JobFunctionService {

    /** The original's text when the button has nowhere to go. */
    public static final String NO_ACTION = "No action available for this job";

    @Inject
    JobFunctionConfigRepository records;

    @Inject
    JobFunctionRegistry functions;

    @Inject
    RelatedActions relatedActions;

    @Inject
    JobRepository jobs;

    @Inject
    Event<JobFunctionEdited> edited;

    @Inject
    JobFunctionCatalog catalog;

    @Inject
    ClusterMembership membership;

    /** Creates or refreshes the record of every {@code @Job} method of this deployment. */
    public void registerDeployed() {
        for (JobFunction function : functions.all()) {
            String relatedAction = function.defaults().relatedAction().isBlank()
                    ? null
                    : RelatedActionSpec.forBean(function.defaults().relatedAction());
            records.registerDefaults(
                    function.name(),
                    function.defaults().channel().isBlank()
                            ? "root"
                            : normalize(function.defaults().channel()),
                    function.defaults().retryPattern().isBlank()
                            ? null
                            : function.defaults().retryPattern(),
                    relatedAction);
        }
        catalog.refresh();
        edited.fire(new JobFunctionEdited("*"));
    }

    /** Every job function's record, with which running servers can run it (one look at the servers for all). */
    public List<JobFunctionView> list() {
        Map<String, FunctionReach> reach = membership.reachOfFunctions();
        return records.all().stream().map(config -> view(config, reach)).toList();
    }

    public Optional<JobFunctionView> find(String name) {
        return records.find(name).map(config -> view(config, membership.reachOfFunctions()));
    }

    /**
     * Staff's values for a function; blank restores the code's default.
     *
     * @throws InvalidSettingException with the original's message for a malformed retry pattern or related action,
     *     or when the related action names no {@code RelatedAction} bean; nothing is changed then
     */
    public void edit(String name, String channel, String retryPattern, String relatedAction) {
        edit(name, FieldEdit.to(channel), FieldEdit.to(retryPattern), FieldEdit.to(relatedAction));
    }

    /**
     * Staff's values for a function, each field resolved in this transaction against the record's current value
     * ({@link FieldEdit}): a field left as shown keeps another person's change, and one changed here that someone
     * else changed too refuses the save. Null or blank restores the code's default.
     *
     * @throws ChangedMeanwhileException naming the field changed here and meanwhile; nothing is changed then
     * @throws InvalidSettingException as {@link #edit(String, String, String, String)} does
     */
    public void edit(
            String name, FieldEdit<String> channel, FieldEdit<String> retryPattern, FieldEdit<String> relatedAction) {
        JobFunctionConfig config = records.find(name)
                .orElseThrow(() -> new InvalidSettingException("No job function named " + name, null));
        try {
            config.edit(
                    channel.resolve(config.channelOverride().orElse(null), "channel"),
                    retryPattern.resolve(config.retryPatternOverride().orElse(null), "retry pattern"),
                    relatedAction.resolve(config.relatedActionOverride().orElse(null), "related action"));
            config.effectiveRelatedAction().ifPresent(spec -> relatedActions.check(spec.funcName(), name));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(e.getMessage(), e);
        }
        catalog.refresh();
        edited.fire(new JobFunctionEdited(name));
    }

    /**
     * Where the "Related" button leads for a job: empty when its function has no related action, the action is
     * disabled, or the action has nothing to open (the back office then shows {@link #NO_ACTION}).
     */
    public Optional<URI> relatedActionTarget(UUID jobUuid) {
        Optional<QueueJob> job = jobs.find(jobUuid);
        if (job.isEmpty()) {
            return Optional.empty();
        }
        return records.find(job.get().jobFunction())
                .flatMap(JobFunctionConfig::effectiveRelatedAction)
                .filter(RelatedActionSpec::enabled)
                .flatMap(spec -> relatedActions.target(spec, job.get()));
    }

    /** Whether the job's function defines an enabled related action (the back office shows the button then). */
    public boolean hasRelatedAction(String functionName) {
        return records.find(functionName)
                .flatMap(JobFunctionConfig::effectiveRelatedAction)
                .filter(RelatedActionSpec::enabled)
                .isPresent();
    }

    private JobFunctionView view(JobFunctionConfig config, Map<String, FunctionReach> reach) {
        return new JobFunctionView(
                config.name(),
                config.effectiveChannel(),
                config.retryPatternOverride().orElse(config.defaultRetryPattern()),
                config.relatedActionOverride().orElse(config.defaultRelatedAction()),
                config.channelOverride().orElse(null),
                config.retryPatternOverride().orElse(null),
                config.relatedActionOverride().orElse(null),
                functions.find(config.name()).isPresent(),
                reach.getOrDefault(config.name(), FunctionReach.NONE));
    }

    private static String normalize(String channel) {
        return ChannelName.normalize(channel);
    }
}
