package org.queuejob.infrastructure.autovacuum;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.queuejob.domain.model.autovacuum.AutovacuumRun;
import org.queuejob.domain.model.autovacuum.AutovacuumRuns;
import org.queuejob.domain.model.autovacuum.HistoryPosition;
import org.queuejob.domain.model.autovacuum.HistorySegment;
import org.queuejob.domain.model.autovacuum.HistoryWalk;
import org.queuejob.domain.model.autovacuum.JobHistory;
import org.queuejob.domain.model.autovacuum.RemovalDeadlines;
import org.queuejob.domain.model.channel.ChannelRepository;
import org.queuejob.domain.model.channel.RemovalIntervals;
import org.queuejob.domain.model.job.JobState;

/**
 * Hands out the run's candidates one by one: the done and cancelled jobs of every channel that ended before the
 * channel's deadline, read by keyset a page (one chunk's worth) at a time. Its checkpoint is the position of the
 * last candidate handed out, so a restart continues right after the last committed chunk.
 *
 * <p>The deadlines count back from the run's recorded instant, not from the restart's, so a run resumed days later
 * deletes what it would have deleted. They are shared with the writer through the step's transient data.
 */
@Named("queueJobAutovacuumReader")
@Dependent
public class AutovacuumReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    @BatchProperty
    String chunkSize;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    AutovacuumRuns runs;

    @Inject
    JobHistory history;

    @Inject
    ChannelRepository channels;

    private HistoryWalk walk;

    @Override
    public void open(Serializable checkpoint) {
        try {
            long id = Long.parseLong(runId);
            AutovacuumRun run =
                    runs.find(id).orElseThrow(() -> new IllegalStateException("No autovacuum run " + runId));
            RemovalDeadlines deadlines = new RemovalDeadlines(RemovalIntervals.of(channels.all()), run.asOf());
            List<HistorySegment> segments = new ArrayList<>();
            Map<String, Instant> byChannel = new HashMap<>();
            for (JobState state : List.of(JobState.DONE, JobState.CANCELLED)) {
                for (String channel : history.channelsWith(state)) {
                    Instant deadline = deadlines.deadline(channel);
                    segments.add(new HistorySegment(state, channel, deadline));
                    byChannel.put(channel, deadline);
                }
            }
            step.setTransientUserData(new AutovacuumWriter.Deadlines(byChannel));
            walk = new HistoryWalk(history, segments, (HistoryPosition) checkpoint, Integer.parseInt(chunkSize));
        } catch (RuntimeException e) {
            RunFailures.note(job, e);
            throw e;
        }
    }

    @Override
    public Object readItem() {
        try {
            return walk.next();
        } catch (RuntimeException e) {
            RunFailures.note(job, e);
            throw e;
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return walk.position();
    }
}
