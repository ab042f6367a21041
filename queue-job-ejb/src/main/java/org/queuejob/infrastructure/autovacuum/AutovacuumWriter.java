package org.queuejob.infrastructure.autovacuum;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.queuejob.domain.model.autovacuum.AutovacuumRuns;
import org.queuejob.domain.model.autovacuum.HistoryCandidate;
import org.queuejob.domain.model.autovacuum.JobHistory;

/**
 * Deletes one chunk of candidates, in the chunk's transaction: first it holds the run's record (a run taken over by
 * another server stops here, before deleting anything), then deletes the jobs that are alone and the graphs whose
 * every job may go, and counts them in the run's record in the same transaction, so the count is exact whatever
 * happens next.
 */
@Named("queueJobAutovacuumWriter")
@Dependent
public class AutovacuumWriter extends AbstractItemWriter {

    static final String NOT_RUNNING = "Autovacuum run %d is no longer the running one (stopped, or taken over by"
            + " another server): this chunk deletes nothing";

    /** The deadline of every channel the reader walks, per complete name. */
    record Deadlines(Map<String, Instant> byChannel) {}

    @Inject
    @BatchProperty
    String runId;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    AutovacuumRuns runs;

    @Inject
    JobHistory history;

    @Override
    public void writeItems(List<Object> items) {
        try {
            long run = Long.parseLong(runId);
            if (!runs.holdForChunk(run)) {
                throw new IllegalStateException(String.format(NOT_RUNNING, run));
            }
            Map<String, Instant> deadlines = ((Deadlines) step.getTransientUserData()).byChannel();
            List<Long> alone = new ArrayList<>();
            Map<String, Instant> aloneDeadlines = new HashMap<>();
            Set<UUID> graphs = new LinkedHashSet<>();
            for (Object item : items) {
                HistoryCandidate candidate = (HistoryCandidate) item;
                if (candidate.graphUuid() == null) {
                    alone.add(candidate.id());
                    aloneDeadlines.put(candidate.channel(), deadlines.get(candidate.channel()));
                } else {
                    graphs.add(candidate.graphUuid());
                }
            }
            int deleted = history.deleteAlone(alone, aloneDeadlines) + history.deleteWholeGraphs(graphs, deadlines);
            runs.addDeleted(run, deleted);
        } catch (RuntimeException e) {
            RunFailures.note(job, e);
            throw e;
        }
    }
}
