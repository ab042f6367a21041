package org.queuejob.domain.model.function;

import java.util.List;
import java.util.Optional;

/** Where job-function records live; joins the caller's transaction. */
public interface JobFunctionConfigRepository {

    List<JobFunctionConfig> all();

    Optional<JobFunctionConfig> find(String name);

    /**
     * Creates the record of a deployed function, or rewrites its code defaults and keeps staff's edits. Safe when
     * several servers deploy at once.
     */
    void registerDefaults(String name, String channel, String retryPattern, String relatedAction);
}
