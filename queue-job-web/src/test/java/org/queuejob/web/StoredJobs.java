package org.queuejob.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobDependency;
import org.queuejob.domain.model.job.JobOptions;
import org.queuejob.domain.model.job.QueueJob;

/** The jobs the job page's beans read, in memory, counting the reads: the database as the tests need it. */
final class StoredJobs extends JobQueryService {

    static final Instant NOW = Instant.parse("2026-12-10T09:00:00Z");

    private final Map<UUID, QueueJob> jobs = new HashMap<>();
    private final Map<UUID, List<QueueJob>> graphs = new HashMap<>();
    private final Map<UUID, List<JobDependency>> dependencies = new HashMap<>();

    int finds;
    int graphReads;

    static QueueJob job(String description) {
        return new QueueJob(
                "org.example.Jobs.run", "[]", new JobOptions(10, null, 5, description, "root", null), "test", NOW);
    }

    /** Stores {@code job}, or its later version (same uuid) in place of the one stored. */
    QueueJob store(QueueJob job) {
        jobs.put(job.uuid(), job);
        return job;
    }

    void storeGraph(UUID graph, List<QueueJob> members, List<JobDependency> edges) {
        members.forEach(this::store);
        graphs.put(graph, members);
        dependencies.put(graph, edges);
    }

    void remove(QueueJob job) {
        jobs.remove(job.uuid());
    }

    @Override
    public Optional<QueueJob> find(UUID uuid) {
        finds++;
        return Optional.ofNullable(jobs.get(uuid));
    }

    @Override
    public List<QueueJob> graphJobs(UUID graphUuid) {
        graphReads++;
        return graphs.getOrDefault(graphUuid, List.of());
    }

    @Override
    public List<JobDependency> graphDependencies(UUID graphUuid) {
        return dependencies.getOrDefault(graphUuid, List.of());
    }
}
