package org.queuejob.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.queuejob.api.JobCall;
import org.queuejob.api.JobQueue;
import org.queuejob.infrastructure.interception.CallCapture;

/**
 * Call-site options: runs the caller's lambda with {@code @Job} calls captured, then stores the one call it made
 * with the options. Nothing is stored unless the lambda made exactly one {@code @Job} call and returned normally.
 */
@ApplicationScoped
public class DefaultJobQueue implements JobQueue {

    static final String NOT_ONE_CALL =
            "The lambda given to enqueue(...) must call exactly one @Job method; it called %d. Nothing was stored.";

    @Inject
    JobEnqueuer enqueuer;

    @Override
    public Options options() {
        return new Options(this::enqueue);
    }

    private UUID enqueue(Options options, JobCall call) {
        List<CallCapture.Captured> outer = CallCapture.start();
        List<CallCapture.Captured> captured;
        try {
            call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The call given to enqueue(...) threw: " + e.getMessage(), e);
        } finally {
            captured = CallCapture.stop(outer);
        }
        if (captured.size() != 1) {
            throw new IllegalStateException(String.format(NOT_ONE_CALL, captured.size()));
        }
        CallCapture.Captured job = captured.get(0);
        return enqueuer.enqueue(job.function(), job.arguments(), options);
    }
}
