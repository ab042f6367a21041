package org.queuejob.application;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.queuejob.domain.model.bulk.BulkActionRun;
import org.queuejob.domain.model.bulk.BulkActionRuns;
import org.queuejob.domain.model.bulk.BulkActionRuns.ChunkCounts;

/**
 * Changes one chunk of jobs in the chunk's transaction: first it locks the action's record (an execution whose epoch
 * was superseded, by a stop and resume or by another server's takeover, stops here, before changing anything), then
 * changes the jobs through {@link BulkChunks}, then writes the counts and the checkpoint into the record, in the same
 * transaction: a job is counted if and only if it changed, and read again by no later execution.
 */
@Named("queueJobBulkActionWriter")
@Dependent
public class BulkActionWriter extends AbstractItemWriter {

    static final String FENCED = "Bulk action %d is no longer run by this execution (stopped, resumed or taken over by"
            + " another server): this chunk changes nothing";

    @Inject
    @BatchProperty
    String actionId;

    @Inject
    @BatchProperty
    String epoch;

    @Inject
    JobContext job;

    @Inject
    BulkActionRuns runs;

    @Inject
    BulkChunks chunks;

    private BulkRequest request;
    private String startedBy;

    @Override
    public void open(Serializable checkpoint) {
        try {
            long id = Long.parseLong(actionId);
            BulkActionRun run = runs.find(id).orElseThrow(() -> new IllegalStateException("No bulk action " + id));
            request = new BulkRequest(BulkAction.valueOf(run.action()), run.priority(), run.channel());
            startedBy = run.startedBy();
        } catch (RuntimeException e) {
            BulkExecution.of(job).fail(e);
            throw e;
        }
    }

    @Override
    public void writeItems(List<Object> items) {
        try {
            long id = Long.parseLong(actionId);
            int current = Integer.parseInt(epoch);
            if (!runs.holdForChunk(id, current)) {
                throw new IllegalStateException(String.format(FENCED, id));
            }
            List<Long> ids = new ArrayList<>(items.size());
            items.forEach(item -> ids.add((Long) item));
            ChunkCounts counts = chunks.apply(request, ids, startedBy);
            runs.chunkWritten(id, current, counts);
        } catch (RuntimeException e) {
            BulkExecution.of(job).fail(e);
            throw e;
        }
    }
}
