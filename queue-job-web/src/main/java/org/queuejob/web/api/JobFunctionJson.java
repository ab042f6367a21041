package org.queuejob.web.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.queuejob.application.JobFunctionView;

/** A job function: the values in effect and what staff edited. */
@Schema(name = "JobFunction")
public class JobFunctionJson {

    @Schema(required = true, example = "org.queuejob.sample.SampleJobs.sendNewsletter")
    public String name;

    @Schema(required = true)
    public String channel;

    public String retryPattern;

    public String relatedAction;

    @Schema(description = "Staff's channel; absent = the code's default")
    public String editedChannel;

    public String editedRetryPattern;

    public String editedRelatedAction;

    @Schema(required = true, description = "Whether this deployment has the method (only then can it be enqueued)")
    public boolean deployedHere;

    @Schema(
            required = true,
            description = "Running servers that have it and take jobs (0: its jobs wait, pending, until one does)")
    public int serversTakingJobs;

    @Schema(required = true, description = "Running servers that have it and are quiet (they take no new job)")
    public int serversQuiet;

    static JobFunctionJson of(JobFunctionView view) {
        JobFunctionJson json = new JobFunctionJson();
        json.name = view.name();
        json.channel = view.channel();
        json.retryPattern = view.retryPattern();
        json.relatedAction = view.relatedAction();
        json.editedChannel = view.editedChannel();
        json.editedRetryPattern = view.editedRetryPattern();
        json.editedRelatedAction = view.editedRelatedAction();
        json.deployedHere = view.deployedHere();
        json.serversTakingJobs = view.reach().takingJobs();
        json.serversQuiet = view.reach().quiet();
        return json;
    }
}
