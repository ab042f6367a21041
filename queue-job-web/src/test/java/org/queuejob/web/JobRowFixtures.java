package org.queuejob.web;

import java.time.Instant;
import java.util.UUID;
import org.queuejob.domain.model.job.JobState;

/** Rows of the job list for the web layer's tests: only what the tests look at varies. */
final class JobRowFixtures {

    private JobRowFixtures() {}

    static JobRow row(String description, JobState state) {
        return row(UUID.randomUUID(), description, state);
    }

    /** Another view of the same job (same uuid), as a later page reads it. */
    static JobRow sameJob(JobRow job, JobState state) {
        return row(job.uuid(), job.description(), state);
    }

    private static JobRow row(UUID uuid, String description, JobState state) {
        return new JobRow(
                null,
                uuid,
                description,
                "org.example.Jobs.run",
                state,
                null,
                null,
                Instant.parse("2026-12-04T05:00:00Z"),
                null,
                null,
                null,
                null,
                null,
                null,
                "root",
                10,
                null);
    }
}
