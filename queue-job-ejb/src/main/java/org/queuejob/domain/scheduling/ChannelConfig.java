package org.queuejob.domain.scheduling;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.queuejob.domain.model.job.ChannelName;

/**
 * A parsed channel configuration string, e.g. {@code root:4, mail:2:throttle=5, accounting.sync:1:sequential}.
 *
 * <p>Grammar (the original's): {@code channel(.subchannel)*(:capacity(:key(=value)?)*)? [, ...]}. Entries are
 * separated by commas or newlines; whitespace around every part is trimmed; names follow {@link ChannelName}'s
 * grammar (letters, digits, {@code _} and {@code -} between dots, so a space inside a name is refused); empty
 * entries and empty options are ignored; {@code sub} means {@code root.sub}; a missing capacity means 1; a capacity
 * is at most {@link ChannelSpec#MAX_CAPACITY} and a throttle at most a day, as the back office allows; a capacity
 * of 0 means unlimited on a sub-channel and "dispatch disabled" on root; intermediate channels of a path
 * are created unlimited; a configuration that does not list root gets {@code root:1}, as the original.
 *
 * <p>Options: {@code sequential} (bare, or {@code =true}/{@code =false}, case-insensitive; requires capacity 1) and
 * {@code throttle=N} (whole seconds, at least 0). Differences from the original, on purpose: {@code sequential=0}
 * is rejected instead of meaning true (Q8); a bare {@code throttle} is rejected instead of meaning 1 second; unknown
 * options are rejected (the original ignores them, so a typo like {@code sequental} silently did nothing); a
 * sequential channel with a capacity other than 1 fails at parse time; a channel configured twice is an error (the
 * original silently let the last entry win); negative capacities are rejected. The string never pauses a
 * channel: pausing is run-time state, applied with {@link ChannelScheduler#reconfigure}.
 */
public final class ChannelConfig {

    /** Used when no configuration is given (null, blank, or only separators). The original used {@code root:1}. */
    public static final String DEFAULT = "root:2";
    /** Root capacity when a configuration does not mention root, as the original. */
    public static final int UNLISTED_ROOT_CAPACITY = 1;

    private static final String SEQUENTIAL = "sequential";
    private static final String THROTTLE = "throttle";

    private final String source;
    private final List<ChannelSpec> channels;

    /** The channels the string names itself; the others in {@link #channels} are implied (root, in-between ones). */
    private final Set<String> named;

    private ChannelConfig(String source, List<ChannelSpec> channels, Set<String> named) {
        this.source = source;
        this.channels = channels;
        this.named = named;
    }

    /**
     * Parses a configuration string; null or blank gives {@link #DEFAULT}.
     *
     * @throws InvalidChannelConfigException quoting the first bad entry and saying what is wrong with it
     */
    public static ChannelConfig parse(String text) {
        Map<String, ChannelSpec> explicit = new LinkedHashMap<>();
        Map<String, String> entryByChannel = new LinkedHashMap<>();
        String normalised = text == null ? "" : text.replace('\r', '\n').replace('\n', ',');
        for (String rawEntry : normalised.split(",")) {
            String entry = rawEntry.strip();
            if (entry.isEmpty()) {
                continue; // trailing commas, blank lines
            }
            ChannelSpec spec = parseEntry(entry);
            String previous = entryByChannel.putIfAbsent(spec.fullName(), entry);
            if (previous != null) {
                throw new InvalidChannelConfigException(
                        entry, "channel " + spec.fullName() + " is already configured by '" + previous + "'");
            }
            explicit.put(spec.fullName(), spec);
        }
        if (explicit.isEmpty()) {
            // Nothing named: the default's channels, none of them named (DEFAULT has an entry: the recursion ends).
            ChannelConfig byDefault = parse(DEFAULT);
            return new ChannelConfig(byDefault.source, byDefault.channels, Set.of());
        }
        return new ChannelConfig(text, ChannelTree.complete(explicit.values()), Set.copyOf(explicit.keySet()));
    }

    public static ChannelConfig defaultConfig() {
        return parse(DEFAULT);
    }

    private static ChannelSpec parseEntry(String entry) {
        String[] parts = entry.split(":", -1);
        String name = parts[0].strip();
        if (name.isEmpty()) {
            throw new InvalidChannelConfigException(entry, "missing channel name");
        }
        String fullName = ChannelNames.normalize(name);
        String nameProblem = ChannelName.problemWith(fullName);
        if (nameProblem != null) {
            throw new InvalidChannelConfigException(entry, nameProblem);
        }
        int capacity = parts.length > 1 ? parseCapacity(entry, parts[1].strip()) : 1;
        boolean sequential = false;
        int throttle = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 2; i < parts.length; i++) {
            String item = parts[i].strip();
            if (item.isEmpty()) {
                continue;
            }
            String[] kv = item.split("=", -1);
            if (kv.length > 2) {
                throw new InvalidChannelConfigException(entry, "option '" + item + "' has more than one '='");
            }
            String key = kv[0].strip();
            String value = kv.length == 2 ? kv[1].strip() : null;
            if (key.isEmpty()) {
                throw new InvalidChannelConfigException(entry, "option '" + item + "' has no name");
            }
            if (!seen.add(key)) {
                throw new InvalidChannelConfigException(entry, "duplicate option '" + key + "'");
            }
            switch (key) {
                case SEQUENTIAL -> sequential = parseSequential(entry, value);
                case THROTTLE -> throttle = parseThrottle(entry, value);
                default ->
                    throw new InvalidChannelConfigException(
                            entry,
                            "unknown option '" + key + "' (known options: " + SEQUENTIAL + ", " + THROTTLE + ")");
            }
        }
        if (sequential && capacity != 1) {
            throw new InvalidChannelConfigException(
                    entry, "a sequential channel must have a capacity of 1, not " + capacity);
        }
        return new ChannelSpec(fullName, OptionalInt.of(capacity), sequential, throttle, false);
    }

    private static int parseCapacity(String entry, String text) {
        int capacity;
        try {
            capacity = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidChannelConfigException(entry, "capacity '" + text + "' is not an integer");
        }
        if (capacity < 0) {
            throw new InvalidChannelConfigException(entry, "capacity " + capacity + " is negative");
        }
        if (capacity > ChannelSpec.MAX_CAPACITY) {
            throw new InvalidChannelConfigException(
                    entry,
                    String.format(
                            "capacity %,d is more than %,d, the most a channel takes",
                            capacity, ChannelSpec.MAX_CAPACITY));
        }
        return capacity;
    }

    private static boolean parseSequential(String entry, String value) {
        if (value == null || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidChannelConfigException(entry, "sequential must be true or false, not '" + value + "'");
    }

    private static int parseThrottle(String entry, String value) {
        if (value == null) {
            throw new InvalidChannelConfigException(entry, "throttle needs a number of seconds, e.g. throttle=2");
        }
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 0 && seconds <= ChannelSpec.MAX_THROTTLE_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as a value out of range
        }
        throw new InvalidChannelConfigException(
                entry,
                String.format(
                        "throttle '%s' is not a whole number of seconds from 0 to %,d (a day)",
                        value, ChannelSpec.MAX_THROTTLE_SECONDS));
    }

    /** The text this configuration was parsed from, or {@link #DEFAULT}. */
    public String source() {
        return source;
    }

    /** Every channel, root and implied intermediate channels included, parents before children (sorted by name). */
    public List<ChannelSpec> channels() {
        return channels;
    }

    /**
     * Whether the string names {@code fullName} itself: only those channels' records take its settings at start; a
     * channel it only implies (root when unlisted, the channels between root and a named one, every channel when the
     * string is empty) gets a record if it has none, and otherwise keeps what was set on it.
     */
    public boolean names(String fullName) {
        return named.contains(fullName);
    }

    public ChannelSpec root() {
        return channels.get(0);
    }

    /** The configured channel with this name ({@code sub} or {@code root.sub}); no parent fallback. */
    public Optional<ChannelSpec> channel(String name) {
        String fullName = ChannelNames.normalize(name);
        return channels.stream().filter(c -> c.fullName().equals(fullName)).findFirst();
    }

    /** {@code root:0}: the dispatcher must not start any job (workers may still run). */
    public boolean isDispatchDisabled() {
        return root().capacity().orElseThrow() == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelConfig other && channels.equals(other.channels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channels);
    }

    @Override
    public String toString() {
        return "ChannelConfig[" + source + "]";
    }
}
