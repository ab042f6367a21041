package org.queuejob.it.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.queuejob.domain.model.job.JobEnqueued;

/** Remembers the uuid of every job stored, whether or not its transaction commits. */
@ApplicationScoped
public class EnqueuedJobs {

    private final List<UUID> uuids = new CopyOnWriteArrayList<>();

    void on(@Observes JobEnqueued event) {
        uuids.add(event.uuid());
    }

    public UUID last() {
        if (uuids.isEmpty()) {
            throw new IllegalStateException("No job was enqueued");
        }
        return uuids.get(uuids.size() - 1);
    }

    public int count() {
        return uuids.size();
    }
}
