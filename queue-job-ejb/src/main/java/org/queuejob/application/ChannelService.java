package org.queuejob.application;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.queuejob.domain.model.channel.Channel;
import org.queuejob.domain.model.channel.ChannelRepository;
import org.queuejob.domain.model.channel.ChannelsChanged;
import org.queuejob.domain.scheduling.ChannelConfig;
import org.queuejob.domain.scheduling.ChannelSpec;

/**
 * Channels at run time. The configuration string is applied at start to the records of the channels it names;
 * after that the records rule: a change made here applies from its commit on (the leader is told at once), one made
 * in the database by hand within the poll interval (1 s by default), without restart or redeploy. A pause is never
 * undone by a start.
 */
@Stateless
public class ChannelService {

    /** Jobs that have not ended, per channel and state: index-only on (state, channel, ...). */
    private static final String LIVE_COUNTS = "SELECT channel, state, count(*) FROM queue_job"
            + " WHERE state IN ('wait_dependencies', 'pending', 'enqueued', 'started', 'failed')"
            + " GROUP BY channel, state";

    @Inject
    ChannelRepository channels;

    @Inject
    Event<ChannelsChanged> changed;

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    /** Creates or updates the records of the channels {@code config} names; others are left as they are. */
    public void apply(ChannelConfig config) {
        for (ChannelSpec spec : config.channels()) {
            channels.find(spec.fullName())
                    .ifPresentOrElse(
                            channel -> channel.configure(spec.capacity(), spec.sequential(), spec.throttleSeconds()),
                            () -> channels.store(new Channel(spec)));
        }
    }

    /**
     * Every channel, configured or only named by jobs (with the channels above them), in name order, with its live
     * job counts from one {@code GROUP BY} over the jobs that have not ended.
     */
    @SuppressWarnings("unchecked")
    public List<ChannelView> overview() {
        Map<String, long[]> counts = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery(LIVE_COUNTS).getResultList();
        for (Object[] row : rows) {
            long[] channelCounts = counts.computeIfAbsent((String) row[0], name -> new long[3]);
            int slot = switch ((String) row[1]) {
                case "wait_dependencies", "pending" -> 0;
                case "enqueued", "started" -> 1;
                default -> 2;
            };
            channelCounts[slot] += ((Number) row[2]).longValue();
        }
        Map<String, Channel> records = new HashMap<>();
        channels.all().forEach(channel -> records.put(channel.completeName(), channel));
        Set<String> names = new TreeSet<>(records.keySet());
        for (String name : counts.keySet()) {
            for (String prefix = name; prefix != null; prefix = parentOf(prefix)) {
                names.add(prefix);
            }
        }
        names.add(ChannelSpec.ROOT);
        List<ChannelView> views = new ArrayList<>();
        for (String name : names) {
            long[] live = counts.getOrDefault(name, new long[3]);
            Channel channel = records.get(name);
            if (channel == null) {
                views.add(new ChannelView(
                        name,
                        false,
                        null,
                        false,
                        0,
                        false,
                        Channel.DEFAULT_REMOVAL_INTERVAL_DAYS,
                        live[0],
                        live[1],
                        live[2]));
            } else {
                ChannelSpec spec = channel.spec();
                views.add(new ChannelView(
                        name,
                        true,
                        spec.capacity().isPresent() ? spec.capacity().getAsInt() : null,
                        spec.sequential(),
                        spec.throttleSeconds(),
                        spec.paused(),
                        channel.removalIntervalDays(),
                        live[0],
                        live[1],
                        live[2]));
            }
        }
        return views;
    }

    /** Every channel's settings, as the scheduler takes them. */
    public List<ChannelSpec> specs() {
        return channels.all().stream().map(Channel::spec).toList();
    }

    /** Starts nothing more in the channel and below it, from the commit of this call on; running jobs finish. */
    public void pause(String completeName) {
        find(completeName).pause();
        changed.fire(new ChannelsChanged(completeName));
    }

    public void resume(String completeName) {
        find(completeName).resume();
        changed.fire(new ChannelsChanged(completeName));
    }

    /** Done and cancelled jobs of the channel older than this are deleted by the autovacuum (default 30 days). */
    public void changeRemovalInterval(String completeName, int days) {
        find(completeName).changeRemovalInterval(days);
    }

    /** New settings for a channel, created if missing; refused with the scheduler's message if inconsistent. */
    public void configure(String completeName, OptionalInt capacity, boolean sequential, int throttleSeconds) {
        ChannelSpec spec = new ChannelSpec(completeName, capacity, sequential, throttleSeconds, false);
        channels.find(spec.fullName())
                .ifPresentOrElse(
                        channel -> channel.configure(capacity, sequential, throttleSeconds),
                        () -> channels.store(new Channel(spec)));
        changed.fire(new ChannelsChanged(spec.fullName()));
    }

    private static String parentOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(0, dot);
    }

    private Channel find(String completeName) {
        return channels.find(completeName)
                .orElseThrow(() -> new IllegalArgumentException("No channel named " + completeName));
    }
}
