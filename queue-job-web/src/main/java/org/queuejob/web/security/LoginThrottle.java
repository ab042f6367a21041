package org.queuejob.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing: after {@value #FREE_FAILURES} failed logins in a row for a user name, every further
 * attempt for that name is refused, without looking at the password, until a wait has passed: {@link #FIRST_WAIT}
 * after the last failure, doubling with each further failure up to {@link #LONGEST_WAIT}. A successful login clears
 * the count; so do {@link #FORGET_AFTER} without attempts. Counted per user name (not per address: the back office's
 * users may all come through one proxy), in this server's memory (each server of a cluster counts its own).
 *
 * <p>A password check is reserved before it is made ({@link #attempt}) and its outcome reported after ({@link
 * Attempt#succeeded}, {@link Attempt#failed}), and checks still under way count as failures when the next attempt is
 * weighed. Asking "may I?" and reporting the failure later, as two separate steps, let parallel wrong guesses for one
 * name all pass before the first failure was counted: 40 at once got 40 password checks in place of 5.
 *
 * <p>Its memory is bounded: it follows at most {@value #MAX_NAMES} user names of at most {@value #MAX_NAME_LENGTH}
 * characters (callers refuse longer names first), so that failed logins under ever new names cannot fill the heap.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    /**
     * Most user names followed at once. Beyond it one is dropped for each new one: first one forgotten anyway, else the
     * one with the fewest failures in a row, least recently seen among them. Not simply the least recently seen: then
     * failed logins under 10,000 made-up names would drop a name being guessed, and with it its wait; this way they
     * drop each other, and to drop a name with n failures every name followed must have reached n failures first.
     */
    static final int MAX_NAMES = 10_000;

    /**
     * Longest user name the throttle keeps (in characters, as given): far beyond any real account's, short enough that
     * {@value #MAX_NAMES} of them stay small. {@link BackOfficeAuthentication} refuses longer ones as a wrong login.
     */
    public static final int MAX_NAME_LENGTH = 256;

    /** Per user name (key: {@link #key}); least recently used first. Guarded by this. */
    private final LinkedHashMap<String, Entry> names = new LinkedHashMap<>(16, 0.75f, true);

    private final Clock clock;

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether a user name is short enough to be throttled: longer ones must be refused before asking. */
    public static boolean isAcceptedName(String user) {
        return user == null || user.length() <= MAX_NAME_LENGTH;
    }

    /**
     * Reserves one password check for {@code user}, or refuses it. An allowed attempt counts as a failure until its
     * outcome is reported; closing it without an outcome (the check could not be made) takes the reservation back.
     *
     * @throws IllegalArgumentException for a name longer than {@link #MAX_NAME_LENGTH}
     */
    public synchronized Attempt attempt(String user) {
        String key = key(user);
        Instant now = clock.instant();
        Entry entry = names.get(key);
        if (entry != null && entry.forgotten(now)) {
            names.remove(key);
            entry = null;
        }
        if (entry == null) {
            entry = add(key);
        }
        Optional<Instant> until = entry.refusedUntil(now);
        if (until.isPresent()) {
            return new Attempt(key, null, Duration.between(now, until.get()));
        }
        entry.checking++;
        return new Attempt(key, entry, null);
    }

    /** How long attempts for {@code user} would be refused now; empty when one would be allowed. Reserves nothing. */
    synchronized Optional<Duration> waitFor(String user) {
        Instant now = clock.instant();
        Entry entry = names.get(key(user));
        if (entry == null || entry.forgotten(now)) {
            return Optional.empty();
        }
        return entry.refusedUntil(now).map(until -> Duration.between(now, until));
    }

    /** How many user names are followed now. */
    synchronized int namesFollowed() {
        return names.size();
    }

    private synchronized void settle(String key, Entry reserved, Outcome outcome) {
        Instant now = clock.instant();
        Entry entry = names.get(key);
        if (entry == reserved) {
            entry.checking--;
        } // else the reservation's entry was dropped meanwhile (only when all followed names had checks under way)
        switch (outcome) {
            case SUCCEEDED -> {
                if (entry != null) {
                    entry.failures = 0;
                    entry.lastFailure = null;
                }
            }
            case FAILED -> {
                if (entry == null) {
                    entry = add(key);
                }
                entry.failed(now);
            }
            case RELEASED -> {
                // The password was not checked: nothing to count.
            }
        }
        if (entry != null && entry.failures == 0 && entry.checking == 0) {
            names.remove(key);
        }
    }

    /** A new entry for {@code key}, another dropped first when {@link #MAX_NAMES} are followed. */
    private Entry add(String key) {
        if (names.size() >= MAX_NAMES) {
            dropOne(clock.instant());
        }
        Entry entry = new Entry();
        names.put(key, entry);
        return entry;
    }

    /** Drops the entry that matters least (see {@link #MAX_NAMES}); looks no further once a cheapest one is found. */
    private void dropOne(Instant now) {
        Map.Entry<String, Entry> victim = null;
        for (Iterator<Map.Entry<String, Entry>> it = names.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Entry> candidate = it.next();
            Entry entry = candidate.getValue();
            if (entry.forgotten(now) || (entry.checking == 0 && entry.failures <= 1)) {
                it.remove();
                return;
            }
            if (victim == null || entry.mattersLessThan(victim.getValue())) {
                victim = candidate;
            }
        }
        if (victim != null) {
            names.remove(victim.getKey());
        }
    }

    private static String key(String user) {
        if (!isAcceptedName(user)) {
            throw new IllegalArgumentException("User names longer than " + MAX_NAME_LENGTH + " characters are refused"
                    + " before the throttle is asked");
        }
        return user == null ? "" : user.strip().toLowerCase(Locale.ROOT);
    }

    private enum Outcome {
        SUCCEEDED,
        FAILED,
        RELEASED
    }

    /**
     * One attempt to log in under a user name: refused ({@link #refusedFor}), or allowed to check the password once.
     * An allowed one must be closed (try-with-resources), after reporting how the check went if it was made.
     */
    public final class Attempt implements AutoCloseable {

        private final String key;
        private final Entry reserved;
        private final Duration refusedFor;
        private boolean settled;

        private Attempt(String key, Entry reserved, Duration refusedFor) {
            this.key = key;
            this.reserved = reserved;
            this.refusedFor = refusedFor;
            this.settled = reserved == null;
        }

        /** How long attempts for this name are refused; empty when the password may be checked now. */
        public Optional<Duration> refusedFor() {
            return Optional.ofNullable(refusedFor);
        }

        /** The password was right: the name's failures are cleared. */
        public void succeeded() {
            settle(Outcome.SUCCEEDED);
        }

        /** The password was wrong: counted as a failure in a row. */
        public void failed() {
            settle(Outcome.FAILED);
        }

        /** Takes the reservation back when no outcome was reported: the check was not made, or threw. */
        @Override
        public void close() {
            if (!settled) {
                settle(Outcome.RELEASED);
            }
        }

        private void settle(Outcome outcome) {
            if (reserved == null) {
                throw new IllegalStateException("A refused attempt checks no password");
            }
            if (settled) {
                throw new IllegalStateException("This attempt's outcome was already reported");
            }
            settled = true;
            LoginThrottle.this.settle(key, reserved, outcome);
        }
    }

    /** What is known of one user name. Guarded by the throttle. */
    private static final class Entry {

        /** Failed checks in a row. */
        int failures;

        /** When the last of them was reported; null while there is none. */
        Instant lastFailure;

        /** Checks allowed and not reported yet: each counts as a failure when the next attempt is weighed. */
        int checking;

        void failed(Instant now) {
            failures = lastFailure != null && lastFailure.plus(FORGET_AFTER).isBefore(now) ? 1 : failures + 1;
            lastFailure = now;
        }

        /** Nothing under way and no failure for {@link #FORGET_AFTER}: as if the name had never been seen. */
        boolean forgotten(Instant now) {
            return checking == 0
                    && (lastFailure == null || lastFailure.plus(FORGET_AFTER).isBefore(now));
        }

        /** Until when a new check is refused; empty when one may be made now. */
        Optional<Instant> refusedUntil(Instant now) {
            if (failures + checking < FREE_FAILURES) {
                return Optional.empty();
            }
            if (checking > 0) {
                // The free failures are taken by checks under way, or the one check let through after a wait is
                // under way: refused for as long as if those had failed just now.
                return Optional.of(now.plus(waitAfter(failures + checking)));
            }
            Instant until = lastFailure.plus(waitAfter(failures));
            return now.isBefore(until) ? Optional.of(until) : Optional.empty();
        }

        boolean mattersLessThan(Entry other) {
            if ((checking == 0) != (other.checking == 0)) {
                return checking == 0; // one with a check under way is dropped last: its outcome would be lost
            }
            return failures < other.failures; // a tie keeps the earlier one: less recently seen
        }

        /** The wait after {@code failures} failures in a row, at least {@link #FREE_FAILURES}. */
        private static Duration waitAfter(int failures) {
            int doublings = Math.min(failures - FREE_FAILURES, 10);
            Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
            return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
        }
    }
}
