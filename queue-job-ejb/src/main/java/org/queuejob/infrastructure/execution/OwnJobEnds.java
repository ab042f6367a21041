package org.queuejob.infrastructure.execution;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.domain.scheduling.ChannelScheduler;

/**
 * The leader's own jobs' ends, as they change the channels' counts, and again after each read of what the database
 * holds ({@link Dispatcher#reconcile}): an end the read may have missed is applied once more on top of it.
 *
 * <p>A job that took a done job's slot on this server ({@link SlotPassing}) takes that slot here too. Only a server
 * that does not lead passes slots on, but one that starts leading while its jobs pass them finds its done marks
 * committing around its first read: read before such a commit, the done job counted and the next one not; its end
 * then freed the slot and nothing took it, and the channel started one job more than its capacity (ClusterIT saw 11
 * held in a root of 8 when its leader's connections were all killed and the follower took over).
 */
final class OwnJobEnds {

    /** Jobs that ended here since the last read began. */
    private final Set<Long> ended = ConcurrentHashMap.newKeySet();

    /** Jobs that took a done job's slot here since the last read began, with their channels. */
    private final Map<Long, String> tookSlots = new ConcurrentHashMap<>();

    /** The database is about to be read: what ends from now on is applied again on top of what it reads. */
    void readStarts() {
        ended.clear();
        tookSlots.clear();
    }

    /**
     * {@code job} ended so, {@code next} (or null) having taken its slot in the same transaction: the next job is
     * counted before the slot is freed, so no pass in between sees the slot free. An end that could not be recorded
     * changes nothing: the job is still held here in the database, and runs again.
     */
    void ended(ChannelScheduler channels, ClaimedJob job, JobRunner.Outcome outcome, ClaimedJob next) {
        if (outcome == JobRunner.Outcome.UNRECORDED) {
            return;
        }
        if (next != null) {
            tookSlots.put(next.id(), next.channel());
            channels.jobStarted(next.id(), next.channel());
        }
        ended.add(job.id());
        // One call each way: a pass between a slot freed and its channel blocked could start the channel's next job.
        if (outcome == JobRunner.Outcome.FAILED) {
            channels.jobFailed(job.id(), job.channel());
        } else {
            channels.jobFinished(job.id());
        }
    }

    /**
     * The read replaced the counts: a job that took a slot since it began is counted (once: it may have been read as
     * held), and one that ended since it began is not (it may have been read as held). In that order, for a job
     * that did both.
     */
    void readDone(ChannelScheduler channels) {
        tookSlots.forEach(channels::jobStarted);
        ended.forEach(channels::jobFinished);
    }
}
