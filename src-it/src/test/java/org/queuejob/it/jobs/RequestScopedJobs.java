package org.queuejob.it.jobs;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.queuejob.api.Job;

/**
 * A request-scoped job bean that keeps state between calls, as such beans do within one request: each job must get
 * an instance of its own, destroyed when the job ends, as each web request does.
 */
@RequestScoped
public class RequestScopedJobs {

    /** Instances destroyed so far, by the identity each was given when created. */
    private static final Set<String> DESTROYED = ConcurrentHashMap.newKeySet();

    private String instance;
    private int calls;

    @PostConstruct
    void create() {
        instance = UUID.randomUUID().toString();
    }

    @PreDestroy
    void destroy() {
        DESTROYED.add(instance);
    }

    /** Answers "instance|calls", the calls counted on this instance, this one included. */
    @Job(channel = "root.serial")
    public String countCalls() {
        calls++;
        return instance + "|" + calls;
    }

    public static boolean destroyed(String instance) {
        return DESTROYED.contains(instance);
    }
}
