package org.queuejob.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@value #FREE_FAILURES} failed logins in a row for a user name, every further
 * attempt for that name is refused, without looking at the password, until a wait has passed: {@link #FIRST_WAIT}
 * after the last failure, doubling with each further failure up to {@link #LONGEST_WAIT}. A successful login clears
 * the count; so do {@link #FORGET_AFTER} without attempts. Counted per user name (not per address: the back office's
 * users may all come through one proxy), in this server's memory (each server of a cluster counts its own).
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    /** Most user names followed at once; beyond it the stale ones are dropped first. */
    static final int MAX_NAMES = 10_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long attempts for {@code user} are still refused; empty when an attempt may be checked now. */
    public Optional<Duration> waitFor(String user) {
        Failures counted = failures.get(key(user));
        if (counted == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant until = counted.refusedUntil();
        return until != null && now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public void failed(String user) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_NAMES) {
            failures.values()
                    .removeIf(counted -> counted.last().plus(FORGET_AFTER).isBefore(now));
        }
        failures.compute(
                key(user),
                (name, counted) ->
                        counted == null || counted.last().plus(FORGET_AFTER).isBefore(now)
                                ? new Failures(1, now)
                                : new Failures(counted.count() + 1, now));
    }

    public void succeeded(String user) {
        failures.remove(key(user));
    }

    private static String key(String user) {
        return user == null ? "" : user.strip().toLowerCase(Locale.ROOT);
    }

    /** Failures in a row and when the last one was. */
    record Failures(int count, Instant last) {

        /** Null while the free failures are not used up. */
        Instant refusedUntil() {
            if (count < FREE_FAILURES) {
                return null;
            }
            int doublings = Math.min(count - FREE_FAILURES, 10);
            Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
            return last.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
        }
    }
}
