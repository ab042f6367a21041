package org.queuejob.domain.scheduling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The configured channels as an immutable tree rooted at {@code root}, and the rule mapping any job channel name
 * to the configured channel that schedules it.
 */
public final class ChannelTree {

    private final List<ChannelSpec> sorted; // by full name, so parents come first
    private final Map<String, ChannelSpec> specs; // by full name
    private final Map<String, List<String>> children;

    /** Completes the specs with root (capacity {@value ChannelConfig#UNLISTED_ROOT_CAPACITY}) and intermediates. */
    public ChannelTree(Collection<ChannelSpec> specs) {
        Map<String, ChannelSpec> byName = new TreeMap<>();
        complete(specs).forEach(s -> byName.put(s.fullName(), s));
        Map<String, List<String>> kids = new TreeMap<>();
        byName.keySet().forEach(name -> kids.put(name, new ArrayList<>()));
        byName.values().forEach(s -> s.parentName().ifPresent(p -> kids.get(p).add(s.fullName())));
        kids.replaceAll((name, list) -> List.copyOf(list));
        this.sorted = List.copyOf(byName.values());
        this.specs = Map.copyOf(byName);
        this.children = Map.copyOf(kids);
    }

    public static ChannelTree of(ChannelConfig config) {
        return new ChannelTree(
                Objects.requireNonNull(config, "channel config is required").channels());
    }

    /**
     * Adds root if missing and every missing intermediate channel as unlimited ({@code autosub.sub:2} implies an
     * unlimited {@code root.autosub}); returns the specs sorted by name, i.e. parents before children.
     *
     * @throws IllegalArgumentException when a channel appears twice
     */
    static List<ChannelSpec> complete(Collection<ChannelSpec> explicit) {
        Objects.requireNonNull(explicit, "channel specs are required");
        Map<String, ChannelSpec> all = new TreeMap<>();
        for (ChannelSpec spec : explicit) {
            if (all.put(Objects.requireNonNull(spec, "channel spec is required").fullName(), spec) != null) {
                throw new IllegalArgumentException("channel " + spec.fullName() + " is configured twice");
            }
        }
        all.putIfAbsent(
                ChannelSpec.ROOT,
                new ChannelSpec(
                        ChannelSpec.ROOT, OptionalInt.of(ChannelConfig.UNLISTED_ROOT_CAPACITY), false, 0, false));
        for (ChannelSpec spec : List.copyOf(all.values())) {
            for (String p = ChannelNames.parentOf(spec.fullName()); p != null; p = ChannelNames.parentOf(p)) {
                all.computeIfAbsent(p, ChannelSpec::unlimited);
            }
        }
        return List.copyOf(all.values());
    }

    /**
     * The configured channel that schedules jobs of {@code channelName}: itself when configured, otherwise its
     * nearest configured ancestor, so its jobs share that ancestor's capacity ({@code root.sub.not.configured} with
     * only {@code root.sub} configured resolves to {@code root.sub}: no duplicated path as the original's Q5).
     * {@code sub} means {@code root.sub}; null, blank or unknown top-level names resolve to root. Never throws on
     * odd names, since they come from job rows.
     */
    public String resolve(String channelName) {
        String name = ChannelNames.normalize(channelName);
        while (!specs.containsKey(name)) {
            name = ChannelNames.parentOf(name);
        }
        return name;
    }

    /** The spec of the channel that schedules {@code channelName} (see {@link #resolve}). */
    public ChannelSpec specFor(String channelName) {
        return specs.get(resolve(channelName));
    }

    /**
     * {@code channelName} with the channel that schedules its jobs, when no configuration entry or record declares it
     * (see {@link #resolve}); empty for a declared channel, an implied one between root and a configured channel
     * included.
     */
    public Optional<UndeclaredChannel> undeclared(String channelName) {
        String name = ChannelNames.normalize(channelName);
        String declared = resolve(name);
        return declared.equals(name) ? Optional.empty() : Optional.of(new UndeclaredChannel(name, declared));
    }

    public boolean isConfigured(String channelName) {
        return specs.containsKey(ChannelNames.normalize(channelName));
    }

    /** All channels, parents before children. */
    public List<ChannelSpec> specs() {
        return sorted;
    }

    public ChannelSpec root() {
        return specs.get(ChannelSpec.ROOT);
    }

    /**
     * The configured direct children of a configured channel. The jobs a configured channel {@code c} schedules are
     * those whose channel is {@code c} or starts with {@code c.}, minus those of these children (and theirs).
     */
    public List<String> children(String configuredChannel) {
        List<String> kids = children.get(ChannelNames.normalize(configuredChannel));
        if (kids == null) {
            throw new IllegalArgumentException("channel " + configuredChannel + " is not configured");
        }
        return kids;
    }

    public boolean isDispatchDisabled() {
        return root().capacity().orElseThrow() == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelTree other && sorted.equals(other.sorted);
    }

    @Override
    public int hashCode() {
        return sorted.hashCode();
    }

    @Override
    public String toString() {
        return "ChannelTree" + sorted.stream().map(ChannelSpec::fullName).toList();
    }
}
