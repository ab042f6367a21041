package org.queuejob.application;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.queuejob.domain.model.bulk.BulkActionRun;
import org.queuejob.domain.model.bulk.BulkActionRuns;
import org.queuejob.domain.model.job.JobFilter;

/**
 * Hands out the ids of the jobs a bulk action goes through, ascending, read by keyset a page (one chunk's worth) at a
 * time: the selected ids, or the jobs matching the stored filter up to the id that was the largest when the action
 * started. It starts after the record's checkpoint ({@code last_id}, committed with the last chunk's changes), not
 * after the batch runtime's, so an execution started on any server continues exactly where the last one stopped.
 */
@Named("queueJobBulkActionReader")
@Dependent
public class BulkActionReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String actionId;

    @Inject
    @BatchProperty
    String epoch;

    @Inject
    @BatchProperty
    String chunkSize;

    @Inject
    JobContext job;

    @Inject
    BulkActionRuns runs;

    @Inject
    JobQueryService queries;

    private BulkActionRun run;
    private JobFilter filter;
    private long position;
    private Iterator<Long> page = List.<Long>of().iterator();

    @Override
    public void open(Serializable checkpoint) {
        try {
            long id = Long.parseLong(actionId);
            run = runs.find(id).orElseThrow(() -> new IllegalStateException("No bulk action " + id));
            if (run.epoch() != Integer.parseInt(epoch)) {
                throw new IllegalStateException(String.format(BulkActionWriter.FENCED, id));
            }
            filter = run.selection() ? null : BulkFilters.fromJson(run.filter());
            position = run.lastId();
        } catch (RuntimeException e) {
            BulkExecution.of(job).fail(e);
            throw e;
        }
    }

    @Override
    public Object readItem() {
        try {
            if (!page.hasNext()) {
                if (BulkExecution.of(job).stopRequested()) {
                    return null; // the step ends after the last committed chunk; the listener records "stopped"
                }
                int size = Integer.parseInt(chunkSize);
                List<Long> ids = filter == null
                        ? runs.selectionAfter(run.id(), position, size)
                        : queries.idsAfter(filter, position, run.maxId(), size);
                if (ids.isEmpty()) {
                    return null;
                }
                page = ids.iterator();
            }
            Long id = page.next();
            position = id;
            return id;
        } catch (RuntimeException e) {
            BulkExecution.of(job).fail(e);
            throw e;
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return position;
    }
}
