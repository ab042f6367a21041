package org.queuejob.application;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import org.queuejob.domain.model.channel.Channel;
import org.queuejob.domain.model.channel.ChannelRepository;
import org.queuejob.domain.model.channel.ChannelsChanged;
import org.queuejob.domain.model.channel.RemovalIntervals;
import org.queuejob.domain.model.channel.RemovalIntervals.RemovalInterval;
import org.queuejob.domain.model.job.ChannelName;
import org.queuejob.domain.model.job.StoredText;
import org.queuejob.domain.model.statistics.JobCounts;
import org.queuejob.domain.model.statistics.StateCount;
import org.queuejob.domain.scheduling.ChannelConfig;
import org.queuejob.domain.scheduling.ChannelSpec;
import org.queuejob.infrastructure.config.QueueJobSettings;

/**
 * Channels at run time. The configuration string is applied at start to the records of the channels it names;
 * after that the records rule: a change made here applies from its commit on (the leader is told at once), one made
 * in the database by hand within the poll interval (1 s by default), without restart or redeploy. A pause is never
 * undone by a start.
 */
@Stateless
public class ChannelService {

    /** What {@link ChangedMeanwhileException} names when another save created the channel's record first. */
    static final String CREATED_MEANWHILE = "its settings were created by another save at the same moment";

    static final String EXISTS =
            "Channel %s exists already, with settings of its own: change them instead of creating it again.";
    static final String ROOT_KEPT =
            "The root channel cannot be deleted: every job runs under it. Change its settings instead.";
    static final String NO_RECORD =
            "Channel %s has no settings of its own, so there is nothing to delete: its jobs run under %s.";

    @Inject
    ChannelRepository channels;

    @Inject
    Event<ChannelsChanged> changed;

    @Inject
    JobCounts jobCounts;

    /** This server's {@code queue-job.channels}: what a delete puts back on a channel it declares. */
    @Inject
    QueueJobSettings settings;

    /**
     * At start: the records of the channels {@code config} names take its settings; a channel it only implies (root
     * when unlisted, the ones between root and a named channel) gets a record if it has none and otherwise keeps what
     * was set on it, in the back office or the API; other records are left as they are.
     */
    public void apply(ChannelConfig config) {
        for (ChannelSpec spec : config.channels()) {
            Optional<Channel> record = channels.find(spec.fullName());
            if (record.isEmpty()) {
                storeNew(spec, inheritedInterval(spec.fullName()));
            } else if (config.names(spec.fullName())) {
                record.get().configure(spec.capacity(), spec.sequential(), spec.throttleSeconds());
            }
        }
    }

    /**
     * Every channel, configured or only named by jobs (with the channels above them), in name order, with its live
     * job counts from one {@code GROUP BY} over the jobs that have not ended.
     */
    public List<ChannelView> overview() {
        Map<String, long[]> counts = ownCounts();
        Map<String, Channel> records = new HashMap<>();
        channels.all().forEach(channel -> records.put(channel.completeName(), channel));
        Set<String> names = new TreeSet<>();
        // The channels between root and one with jobs or settings too, as the scheduler implies them: a record
        // created below a channel without one (root.mail.eu alone) is shown under it, not beside root.
        for (String name : union(records.keySet(), counts.keySet())) {
            for (String prefix = name; prefix != null; prefix = parentOf(prefix)) {
                names.add(prefix);
            }
        }
        names.add(ChannelSpec.ROOT);
        RemovalIntervals intervals = RemovalIntervals.of(records.values());
        List<ChannelView> views = new ArrayList<>();
        for (String name : names) {
            long[] live = counts.getOrDefault(name, new long[3]);
            Channel channel = records.get(name);
            if (channel == null) {
                // The interval the autovacuum applies to its jobs, not a default it would not use.
                RemovalInterval inherited = intervals.forChannel(name);
                views.add(new ChannelView(
                        name,
                        false,
                        null,
                        false,
                        0,
                        false,
                        inherited.days(),
                        inherited.from(),
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
                        name,
                        live[0],
                        live[1],
                        live[2]));
            }
        }
        return views;
    }

    /**
     * The live counts of each channel's own jobs that have not ended, from one {@code GROUP BY}: waiting
     * (wait_dependencies, pending), running (enqueued, started), failed.
     */
    private Map<String, long[]> ownCounts() {
        Map<String, long[]> counts = new HashMap<>();
        for (StateCount count : jobCounts.unended()) {
            long[] channelCounts = counts.computeIfAbsent(count.channel(), name -> new long[3]);
            int slot = switch (count.state()) {
                case "wait_dependencies", "pending" -> 0;
                case "enqueued", "started" -> 1;
                default -> 2;
            };
            channelCounts[slot] += count.jobs();
        }
        return counts;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
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

    /**
     * Done and cancelled jobs of the channel older than this are deleted by the autovacuum (a new record starts from
     * the interval it inherited, {@link RemovalIntervals}).
     *
     * @throws InvalidSettingException for a number of days out of 1 to {@value Channel#MAX_REMOVAL_INTERVAL_DAYS}
     */
    public void changeRemovalInterval(String completeName, int days) {
        Channel channel = find(completeName);
        refusedAsSettingDo(() -> channel.changeRemovalInterval(days));
    }

    /**
     * New settings for a channel, created if missing.
     *
     * @throws InvalidSettingException with the scheduler's sentence when the settings are inconsistent (sequential
     *     with a capacity other than 1, root without a capacity, a negative number), or when the name is not exactly
     *     a channel's ({@link #existingOrNamedExactly}); nothing is changed then
     */
    public void configure(String completeName, OptionalInt capacity, boolean sequential, int throttleSeconds) {
        configure(
                existingOrNamedExactly(completeName),
                completeName,
                capacity,
                sequential,
                throttleSeconds,
                () -> inheritedInterval(completeName));
    }

    /**
     * Configures {@code existing}, or stores a new record of {@code completeName} when null, kept for {@code
     * newRecordRemovalDays}; returns the record.
     */
    private Channel configure(
            Channel existing,
            String completeName,
            OptionalInt capacity,
            boolean sequential,
            int throttleSeconds,
            IntSupplier newRecordRemovalDays) {
        refusedAsSettingDo(() -> Channel.requireSettable(capacity, throttleSeconds));
        ChannelSpec spec =
                refusedAsSetting(() -> new ChannelSpec(completeName, capacity, sequential, throttleSeconds, false));
        Channel channel;
        if (existing != null) {
            refusedAsSettingDo(() -> existing.configure(capacity, sequential, throttleSeconds));
            channel = existing;
        } else {
            channel = storeNew(spec, newRecordRemovalDays.getAsInt());
        }
        changed.fire(new ChannelsChanged(spec.fullName()));
        return channel;
    }

    /**
     * A new record of {@code spec}'s channel, its finished jobs kept for {@code removalDays}: unless told otherwise,
     * the interval the channel had without it ({@link #inheritedInterval}), since giving a channel settings does not
     * change how long its finished jobs are kept.
     */
    private Channel storeNew(ChannelSpec spec, int removalDays) {
        Channel channel = new Channel(spec);
        refusedAsSettingDo(() -> channel.changeRemovalInterval(removalDays));
        store(channel);
        return channel;
    }

    /** The removal interval a channel without a record has: what the overview shows and the autovacuum applies. */
    private int inheritedInterval(String completeName) {
        return RemovalIntervals.of(channels.all()).forChannel(completeName).days();
    }

    /**
     * Stores a new record; the repository writes it at once, so that when another save created the same channel's
     * record since the look that found none, it fails here on the name's unique constraint and is refused as a change
     * made meanwhile (409 in the API), not reported as an unexpected error.
     */
    private void store(Channel channel) {
        try {
            channels.store(channel);
        } catch (RuntimeException e) {
            if (UniqueViolations.isIn(e)) {
                throw new ChangedMeanwhileException(CREATED_MEANWHILE);
            }
            throw e;
        }
    }

    /**
     * A new channel record: the Channels screen's "New channel" and the API's {@code POST /channels}. The name
     * follows the rules of {@link #configure} (complete, from root; the grammar of {@code ChannelName}; no spaces
     * around it); the channels between root and it need no record, they are implied, as in the configuration string.
     * A channel that only has jobs may be created so (the screen's Edit of a "not configured" row does the same).
     *
     * @param capacity empty: unlimited (not on root)
     * @param removalDays empty: the interval the channel has now, its nearest configured ancestor's
     * @throws InvalidSettingException when the channel has a record already, for a name that is not exactly a
     *     channel's, or for inconsistent settings (the scheduler's sentence); {@link ChangedMeanwhileException} when
     *     another save created it at the same moment. Nothing is stored then.
     */
    public void create(
            String completeName,
            OptionalInt capacity,
            boolean sequential,
            int throttleSeconds,
            OptionalInt removalDays) {
        if (existingOrNamedExactly(completeName) != null) {
            throw new InvalidSettingException(String.format(EXISTS, echo(completeName)), null);
        }
        configure(
                null,
                completeName,
                capacity,
                sequential,
                throttleSeconds,
                () -> removalDays.isPresent() ? removalDays.getAsInt() : inheritedInterval(completeName));
    }

    /**
     * What {@link #delete} would do to the channel's record now; nothing is changed.
     *
     * @throws InvalidSettingException for root, and for a channel without a record
     */
    public ChannelDeletion deletion(String completeName) {
        return deletionOf(deletable(completeName));
    }

    /**
     * Deletes the channel's record, in effect from the commit on (the leader is told as for any change): its jobs run
     * under its nearest configured ancestor, as any channel's without settings do, and are kept for that ancestor's
     * removal interval. A channel that {@code queue-job.channels} declares (an entry of its own, or a channel between
     * root and one) keeps its record, since every start creates it again from the string: its record takes what such
     * a start gives a new one, the string's capacity, sequential and throttle, no pause and the inherited removal
     * interval, so that the channel is now what it would be after the next start. Root is never deleted.
     *
     * @throws InvalidSettingException for root, and for a channel without a record; a record changed or deleted by
     *     someone else since it was read here fails on its version (a change made meanwhile)
     */
    public ChannelDeletion delete(String completeName) {
        Channel record = deletable(completeName);
        ChannelDeletion deletion = deletionOf(record);
        switch (deletion.outcome()) {
            case DELETED -> channels.remove(record);
            case RESET_TO_CONFIGURATION -> {
                ChannelSpec configured = deletion.configured();
                refusedAsSettingDo(() -> {
                    record.configure(configured.capacity(), configured.sequential(), configured.throttleSeconds());
                    record.resume();
                    record.changeRemovalInterval(deletion.removalDays());
                });
            }
            case UNCHANGED -> {
                return deletion;
            }
        }
        changed.fire(new ChannelsChanged(record.completeName()));
        return deletion;
    }

    /** The record {@link #delete} may delete or reset. */
    private Channel deletable(String completeName) {
        if (ChannelSpec.ROOT.equals(completeName)) {
            throw new InvalidSettingException(ROOT_KEPT, null);
        }
        return channels.find(completeName == null ? "" : completeName)
                .orElseThrow(() -> new InvalidSettingException(
                        String.format(
                                NO_RECORD,
                                echo(String.valueOf(completeName)),
                                nearestConfigured(channels.all(), String.valueOf(completeName))),
                        null));
    }

    private ChannelDeletion deletionOf(Channel record) {
        String name = record.completeName();
        List<Channel> others = channels.all().stream()
                .filter(channel -> !channel.completeName().equals(name))
                .toList();
        RemovalInterval inherited = RemovalIntervals.of(others).forChannel(name);
        ChannelConfig config = ChannelConfig.parse(settings.channels());
        ChannelSpec configured = config.channel(name)
                .map(spec -> new ChannelSpec(name, spec.capacity(), spec.sequential(), spec.throttleSeconds(), false))
                .orElse(null);
        ChannelDeletion.Outcome outcome;
        if (configured == null) {
            outcome = ChannelDeletion.Outcome.DELETED;
        } else if (configured.equals(record.spec()) && record.removalIntervalDays() == inherited.days()) {
            outcome = ChannelDeletion.Outcome.UNCHANGED;
        } else {
            outcome = ChannelDeletion.Outcome.RESET_TO_CONFIGURATION;
        }
        long[] own = ownCounts().getOrDefault(name, new long[3]);
        return new ChannelDeletion(
                name,
                outcome,
                configured,
                config.names(name),
                configured == null ? nearestConfigured(others, name) : name,
                inherited.days(),
                inherited.from(),
                record.removalIntervalDays(),
                record.isPaused(),
                others.stream()
                        .map(Channel::completeName)
                        .filter(other -> other.startsWith(name + "."))
                        .sorted()
                        .toList(),
                own[0],
                own[1],
                own[2]);
    }

    /** The nearest ancestor of {@code name} with a record among {@code records}; root when none has one. */
    private static String nearestConfigured(List<Channel> records, String name) {
        Set<String> named = new TreeSet<>();
        records.forEach(channel -> named.add(channel.completeName()));
        for (String ancestor = parentOf(name); ancestor != null; ancestor = parentOf(ancestor)) {
            if (named.contains(ancestor)) {
                return ancestor;
            }
        }
        return ChannelSpec.ROOT;
    }

    /**
     * A save of the Channels screen's dialog or of the API's PUT: settings and removal interval in one transaction,
     * both taken or neither, and only the fields changed are written, each resolved against the record as read here
     * ({@link FieldEdit}); another person's change to another field is kept. A channel without a record starts from
     * what the screen shows for it: no capacity of its own (unlimited), not sequential, no throttle, and the removal
     * interval it has inherited (its nearest configured ancestor's, {@link RemovalIntervals}), so that a first save of
     * its capacity alone leaves its jobs kept as long as before.
     *
     * @param capacity null: unlimited
     * @throws InvalidSettingException as {@link #configure(String, OptionalInt, boolean, int)} and {@link
     *     #changeRemovalInterval}; {@link ChangedMeanwhileException} when a field changed here was changed by someone
     *     else since the form was loaded
     */
    public void change(
            String completeName,
            FieldEdit<Integer> capacity,
            FieldEdit<Boolean> sequential,
            FieldEdit<Integer> throttleSeconds,
            FieldEdit<Integer> removalDays) {
        Channel existing = existingOrNamedExactly(completeName);
        ChannelSpec current = existing == null ? null : existing.spec();
        Integer newCapacity = capacity.resolve(
                current == null || current.capacity().isEmpty()
                        ? null
                        : current.capacity().getAsInt(),
                "capacity");
        boolean newSequential =
                Boolean.TRUE.equals(sequential.resolve(current != null && current.sequential(), "sequential"));
        int newThrottle = throttleSeconds.resolve(current == null ? 0 : current.throttleSeconds(), "throttle");
        int newRemoval = removalDays.resolve(
                existing == null ? inheritedInterval(completeName) : existing.removalIntervalDays(),
                "removal interval");
        Channel channel = configure(
                existing,
                completeName,
                newCapacity == null ? OptionalInt.empty() : OptionalInt.of(newCapacity),
                newSequential,
                newThrottle,
                () -> newRemoval);
        if (existing != null) {
            refusedAsSettingDo(() -> channel.changeRemovalInterval(newRemoval));
        }
    }

    /**
     * The record named exactly {@code completeName}, or null when there is none and the name is one a new record may
     * take: complete ({@code root.mail}, not {@code mail}) and following the grammar ({@link ChannelName}); names of
     * existing records are taken as stored. A name with spaces around it is refused, never stripped: {@code
     * "root.mail "} would otherwise have changed root.mail while the caller asked about another channel.
     *
     * @throws InvalidSettingException naming the name and what is wrong with it (blank, spaces around it, not
     *     complete, breaking the grammar)
     */
    private Channel existingOrNamedExactly(String completeName) {
        if (completeName == null || completeName.isBlank()) {
            throw new InvalidSettingException("A channel name is required, e.g. root.mail.", null);
        }
        if (!completeName.equals(completeName.strip())) {
            throw new InvalidSettingException(
                    "The channel name '" + echo(completeName) + "' has spaces around it: give the name alone, e.g."
                            + " root.mail.",
                    null);
        }
        Channel existing = channels.find(completeName).orElse(null);
        if (existing == null) {
            String normalized = refusedAsSetting(() -> ChannelName.normalize(completeName));
            if (!normalized.equals(completeName)) {
                throw new InvalidSettingException(
                        "A channel's complete name starts with root (e.g. " + echo(normalized) + "), not '"
                                + echo(completeName) + "'.",
                        null);
            }
        }
        return existing;
    }

    private static String echo(String name) {
        return StoredText.prefix(name, 80);
    }

    private static void refusedAsSettingDo(Runnable change) {
        refusedAsSetting(() -> {
            change.run();
            return null;
        });
    }

    /** The domain's refusals (sentences) become the refusal the back office shows as it is. */
    private static <T> T refusedAsSetting(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(sentence(e.getMessage()), e);
        }
    }

    /** The scheduler's clauses ("sequential channel x must have a capacity of 1") as sentences. */
    static String sentence(String clause) {
        if (clause == null || clause.isBlank()) {
            return "The channel settings were refused.";
        }
        String text = Character.toUpperCase(clause.charAt(0)) + clause.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    private static String parentOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(0, dot);
    }

    private Channel find(String completeName) {
        return channels.find(completeName)
                .orElseThrow(
                        () -> new InvalidSettingException("No channel is configured as " + completeName + ".", null));
    }
}
