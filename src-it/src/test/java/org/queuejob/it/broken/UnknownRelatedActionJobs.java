package org.queuejob.it.broken;

import jakarta.enterprise.context.ApplicationScoped;
import org.queuejob.api.Job;

/** A job function whose related action names no bean: its deployment must fail. */
@ApplicationScoped
public class UnknownRelatedActionJobs {

    @Job(relatedAction = "nowhere")
    public void orphan() {}
}
