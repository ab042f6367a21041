package org.queuejob.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.queuejob.api.JobArgumentException;
import org.queuejob.api.JobQueue;
import org.queuejob.domain.model.job.JobPriority;
import org.queuejob.infrastructure.interception.JobFunction;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;
import org.queuejob.infrastructure.serialization.ArgumentCodec;
import org.queuejob.infrastructure.serialization.GivenArguments;

/**
 * Enqueues a job of a registered job function with JSON arguments, checked as a {@code @Job} call is: the function
 * must be one of the deployment's {@code @Job} methods (nothing else can ever be named), the arguments must be as many
 * as its parameters, each must be of the JSON type its parameter takes and read as that type, and the JSON they would
 * be stored as must be the JSON given (no number read as text, no fraction or field dropped on the way). Anything else
 * is refused with a sentence saying what is wrong ({@link GivenArguments}), and nothing is stored.
 */
@ApplicationScoped
public class JobSubmissionService {

    @Inject
    JobFunctionRegistry functions;

    @Inject
    ArgumentCodec codec;

    @Inject
    JobEnqueuer enqueuer;

    @Inject
    JobQueue queue;

    @Transactional(Transactional.TxType.REQUIRED)
    public UUID submit(JobSubmission submission) {
        if (submission.jobFunction() == null || submission.jobFunction().isBlank()) {
            throw new InvalidRequestException(
                    "A job function is required (\"function\": \"fully.qualified.Bean.method\").");
        }
        JobFunction function = functions
                .find(submission.jobFunction())
                .orElseThrow(() -> new InvalidRequestException("No job function named '" + submission.jobFunction()
                        + "': only the @Job methods of this deployment can be enqueued (see GET job-functions)."));
        Object[] arguments = arguments(function, submission.argumentsJson());
        JobQueue.Options options = queue.options();
        try {
            if (submission.priority() != null) {
                options = options.priority(JobPriority.requireValid(submission.priority()));
            }
            if (submission.eta() != null) {
                options = options.eta(submission.eta());
            }
            if (submission.maxRetries() != null) {
                options = options.maxRetries(submission.maxRetries());
            }
            if (submission.description() != null) {
                options = options.description(submission.description());
            }
            if (submission.channel() != null) {
                options = options.channel(submission.channel());
            }
            if (submission.identityKey() != null) {
                options = options.identityKey(submission.identityKey());
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        }
        try {
            return enqueuer.enqueue(function, arguments, options);
        } catch (JobArgumentException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        }
    }

    /**
     * The arguments of a call of {@code function} read from a JSON array, checked as described above: by {@link
     * GivenArguments}, the rule a {@code @Recurring} method's configured arguments are checked by at deployment.
     */
    Object[] arguments(JobFunction function, String json) {
        try {
            return GivenArguments.read(codec, function.name(), function.method(), json);
        } catch (JobArgumentException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        }
    }
}
