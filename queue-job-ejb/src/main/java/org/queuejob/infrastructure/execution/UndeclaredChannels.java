package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.queuejob.domain.scheduling.ChannelTree;
import org.queuejob.domain.scheduling.UndeclaredChannel;

/**
 * Says in the server log when jobs go to a channel that no entry of {@code queue-job.channels} and no channel record
 * declares: they run under its nearest declared ancestor with that ancestor's capacity, which is what a typo
 * ({@code root.mial} for {@code root.mail}) does too, silently until now. Once per channel name on this server: at
 * start for the channels of this deployment's job functions (naming them), else when the leader first schedules a
 * job of the channel, whatever gave the job its channel (the call, a recurring job, an edit). Never per job: the
 * dispatcher tells only on a name's first resolution ({@link org.queuejob.domain.scheduling.ChannelScheduler}), and
 * a name told before costs a set lookup.
 */
@ApplicationScoped
public class UndeclaredChannels {

    /** Channel names come from data: past this many, one more line says the rest go unnamed. */
    static final int MAX_NAMED = 1000;

    private static final Logger LOG = Logger.getLogger(UndeclaredChannels.class.getName());

    private final Set<String> told = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean toldTooMany = new AtomicBoolean();

    /**
     * At start: the job functions whose channel (the code's, or staff's from the Job functions screen) nothing
     * declares, one warning per channel naming its functions, before any of their jobs is dispatched here.
     *
     * @param channelByFunction each job function's name and the channel its jobs get when the call names none
     */
    void checkJobFunctions(ChannelTree tree, Map<String, String> channelByFunction) {
        Map<String, SortedSet<String>> functionsByChannel = new TreeMap<>();
        Map<String, String> runsUnder = new TreeMap<>();
        channelByFunction.forEach((function, channel) -> tree.undeclared(channel)
                .ifPresent(undeclared -> {
                    functionsByChannel
                            .computeIfAbsent(undeclared.channel(), name -> new TreeSet<>())
                            .add(function);
                    runsUnder.put(undeclared.channel(), undeclared.runsUnder());
                }));
        functionsByChannel.forEach((channel, functions) -> {
            if (firstTime(channel)) {
                String ancestor = runsUnder.get(channel);
                LOG.warning(() -> "Channel " + channel + ", the channel of job function"
                        + (functions.size() > 1 ? "s " : " ")
                        + String.join(", ", functions) + ", is declared by no entry of queue-job.channels and no"
                        + " channel record: " + (functions.size() > 1 ? "their" : "its") + " jobs will run under "
                        + ancestor + " and share its capacity. If it is a typo, correct @Job(channel) (or the"
                        + " function's channel on the Job functions screen, if it was edited there). "
                        + declareIt(channel, ancestor));
            }
        });
    }

    /** The leader resolved a job's channel to the declared ancestor that schedules it; said the first time only. */
    void scheduled(UndeclaredChannel undeclared) {
        String channel = undeclared.channel();
        if (firstTime(channel)) {
            LOG.warning(() -> "Jobs of channel " + channel + " run under " + undeclared.runsUnder()
                    + " and share its capacity: no entry of queue-job.channels and no channel record declares "
                    + channel + ". If it is a typo, correct the channel where its jobs get it (@Job(channel),"
                    + " options().channel(...), the job function's channel on the Job functions screen, a recurring"
                    + " job, the job page or a bulk change of channel). " + declareIt(channel, undeclared.runsUnder()));
        }
    }

    private static String declareIt(String channel, String ancestor) {
        return "If it is meant, declare it: add " + channel + ":<capacity> to queue-job.channels (" + channel
                + ":0 for no limit of its own within " + ancestor + "), or save its settings on the Channels screen,"
                + " where it shows as not configured. Said once per channel on this server.";
    }

    private boolean firstTime(String channel) {
        if (told.contains(channel)) {
            return false;
        }
        if (told.size() >= MAX_NAMED) {
            if (toldTooMany.compareAndSet(false, true)) {
                LOG.warning(() -> "Jobs go to more than " + MAX_NAMED + " channels that nothing declares: the log"
                        + " names no more of them on this server. The Channels screen lists every channel that has"
                        + " jobs, those without settings as not configured.");
            }
            return false;
        }
        return told.add(channel);
    }
}
