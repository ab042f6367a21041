package org.queuejob.domain.model.job;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntBinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long to wait before the next try, by try count (F15): {@code {1: 60, 3: 180, 5: (300, 600)}} means 60 s
 * after the first and second tries, 180 s after the third and fourth, and a random 300–600 s from the fifth on.
 * Before the first key, and without a pattern, the original's 10 minutes.
 *
 * <p>Written in the original's syntax, with {@code (a, b)} or {@code [a, b]} for a random range, and refused with
 * the original's message when malformed.
 */
public final class RetryPattern {

    /** The original's RETRY_INTERVAL. */
    public static final Duration DEFAULT_DELAY = Duration.ofMinutes(10);

    public static final RetryPattern NONE = new RetryPattern("", new TreeMap<>());

    static final String INVALID = "Unexpected format of Retry Pattern for %s.\nExample of valid formats:\n"
            + "{1: 300, 5: 600, 10: 1200, 15: 3000}\n{1: (1, 10), 5: (11, 20), 10: (21, 30), 15: (100, 300)}";

    private static final Pattern ENTRY =
            Pattern.compile("\\s*(\\d+)\\s*:\\s*(?:(\\d+)|[(\\[]\\s*(\\d+)\\s*,\\s*(\\d+)\\s*[)\\]])\\s*");

    private final String source;
    private final NavigableMap<Integer, long[]> secondsFromTry;

    private RetryPattern(String source, NavigableMap<Integer, long[]> secondsFromTry) {
        this.source = source;
        this.secondsFromTry = Collections.unmodifiableNavigableMap(secondsFromTry);
    }

    /**
     * Parses a pattern; empty or blank text is {@link #NONE}. {@code owner} names the job function in the error.
     *
     * @throws IllegalArgumentException with the original's message when the text is not a valid pattern
     */
    public static RetryPattern parse(String text, String owner) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String body = text.strip();
        if (!body.startsWith("{") || !body.endsWith("}")) {
            throw invalid(owner);
        }
        NavigableMap<Integer, long[]> entries = new TreeMap<>();
        String inner = body.substring(1, body.length() - 1);
        if (inner.isBlank()) {
            return NONE;
        }
        for (String entry : inner.split(",(?![^(\\[]*[)\\]])")) {
            Matcher match = ENTRY.matcher(entry);
            if (!match.matches()) {
                throw invalid(owner);
            }
            int tries = number(match.group(1), owner);
            long[] range = match.group(2) != null
                    ? new long[] {number(match.group(2), owner), number(match.group(2), owner)}
                    : new long[] {number(match.group(3), owner), number(match.group(4), owner)};
            if (range[0] > range[1] || entries.put(tries, range) != null) {
                throw invalid(owner);
            }
        }
        return new RetryPattern(body, entries);
    }

    /**
     * The delay after try number {@code tries} (1 after the first try): the value of the greatest key not above
     * it, the default before the first key. {@code random} picks in a range, given its inclusive bounds.
     */
    public Duration delayAfter(int tries, IntBinaryOperator random) {
        Map.Entry<Integer, long[]> entry = secondsFromTry.floorEntry(tries);
        if (entry == null) {
            return DEFAULT_DELAY;
        }
        long[] range = entry.getValue();
        long seconds = range[0] == range[1] ? range[0] : random.applyAsInt((int) range[0], (int) range[1]);
        return Duration.ofSeconds(seconds);
    }

    public boolean isNone() {
        return secondsFromTry.isEmpty();
    }

    @Override
    public String toString() {
        return source;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetryPattern pattern && source.equals(pattern.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source);
    }

    /** A try count or a number of seconds: digits only (the pattern says so), at most {@link Integer#MAX_VALUE}. */
    private static int number(String digits, String owner) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw invalid(owner);
        }
    }

    private static IllegalArgumentException invalid(String owner) {
        return new IllegalArgumentException(String.format(INVALID, owner));
    }
}
