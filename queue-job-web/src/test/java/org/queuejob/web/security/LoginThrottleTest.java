package org.queuejob.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class SteppedClock extends Clock {
        private Instant now = Instant.parse("2026-11-30T03:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final SteppedClock clock = new SteppedClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fiveFailuresAreFree_theSixthAttemptWaitsThirtySeconds() {
        for (int i = 0; i < 4; i++) {
            fail("manager");
        }
        assertThat(throttle.waitFor("manager")).isEmpty();

        fail("manager");

        assertThat(throttle.waitFor("manager")).contains(Duration.ofSeconds(30));
        try (LoginThrottle.Attempt sixth = throttle.attempt("manager")) {
            assertThat(sixth.refusedFor()).contains(Duration.ofSeconds(30));
        }
        assertThat(throttle.waitFor("MANAGER "))
                .as("user names compare case-insensitively")
                .isPresent();
        assertThat(throttle.waitFor("viewer")).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.waitFor("manager")).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheWait_upToFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            fail("manager");
        }
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Duration wait = throttle.waitFor("manager").orElseThrow();
            waits.add(wait);
            clock.advance(wait);
            fail("manager");
        }
        assertThat(waits).extracting(Duration::toSeconds).containsExactly(30L, 60L, 120L, 240L, 480L, 900L, 900L, 900L);
    }

    @Test
    void aSuccessClearsTheCount_andAnHourOfQuietForgetsIt() {
        for (int i = 0; i < 4; i++) {
            fail("manager");
        }
        try (LoginThrottle.Attempt right = throttle.attempt("manager")) {
            right.succeeded();
        }
        for (int i = 0; i < 4; i++) {
            fail("manager");
        }
        assertThat(throttle.waitFor("manager"))
                .as("the failures before the success no longer count")
                .isEmpty();

        for (int i = 0; i < 5; i++) {
            fail("viewer");
        }
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        fail("viewer");
        assertThat(throttle.waitFor("viewer"))
                .as("the old failures no longer count")
                .isEmpty();
    }

    @Test
    void aCheckUnderWayCountsAsAFailure_untilItsOutcomeIsKnown() {
        for (int i = 0; i < 4; i++) {
            fail("manager");
        }
        try (LoginThrottle.Attempt fifth = throttle.attempt("manager")) {
            assertThat(fifth.refusedFor()).isEmpty();
            try (LoginThrottle.Attempt meanwhile = throttle.attempt("manager")) {
                assertThat(meanwhile.refusedFor())
                        .as("the fifth check may fail: no sixth alongside it")
                        .contains(Duration.ofSeconds(30));
            }
            fifth.succeeded();
        }
        try (LoginThrottle.Attempt next = throttle.attempt("manager")) {
            assertThat(next.refusedFor()).isEmpty();
        }
    }

    @Test
    void aCheckThatWasNotMade_countsNothing() {
        for (int i = 0; i < 4; i++) {
            fail("manager");
        }
        try (LoginThrottle.Attempt interrupted = throttle.attempt("manager")) {
            assertThat(interrupted.refusedFor()).isEmpty();
            // closed without an outcome, as when the realm could not be asked
        }
        assertThat(throttle.waitFor("manager")).isEmpty();
        fail("manager");
        assertThat(throttle.waitFor("manager")).contains(Duration.ofSeconds(30));
    }

    @Test
    void parallelWrongGuessesForOneName_getOnlyTheFreeChecks() throws Exception {
        int guesses = 40;
        CyclicBarrier start = new CyclicBarrier(guesses);
        // Every guess is first either refused or let through; those let through report their failure only once all
        // have been weighed: the worst order for the throttle, and made certain without sleeping.
        CountDownLatch weighed = new CountDownLatch(guesses);
        AtomicInteger checked = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(guesses);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                done.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try (LoginThrottle.Attempt attempt = throttle.attempt("manager")) {
                        if (attempt.refusedFor().isPresent()) {
                            refused.incrementAndGet();
                            weighed.countDown();
                            return null;
                        }
                        checked.incrementAndGet(); // the password would be checked here, and found wrong
                        weighed.countDown();
                        assertThat(weighed.await(10, TimeUnit.SECONDS)).isTrue();
                        attempt.failed();
                    }
                    return null;
                }));
            }
            for (Future<?> guess : done) {
                guess.get(20, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(checked).as("password checks").hasValue(LoginThrottle.FREE_FAILURES);
        assertThat(refused).hasValue(guesses - LoginThrottle.FREE_FAILURES);
        assertThat(throttle.waitFor("manager")).contains(Duration.ofSeconds(30));
    }

    @Test
    void failuresUnderManyNames_keepTheMemoryBounded_andAGuessedNameThrottled() {
        for (int i = 0; i < 5; i++) {
            fail("manager");
        }
        for (int i = 0; i < 20_000; i++) {
            clock.advance(Duration.ofMillis(100)); // 20,000 names in 2,000 s: all within the hour
            fail("made-up-" + i);
        }

        assertThat(throttle.namesFollowed()).isLessThanOrEqualTo(LoginThrottle.MAX_NAMES);
        for (int i = 0; i < 4; i++) {
            fail("made-up-19999");
        }
        assertThat(throttle.waitFor("made-up-19999"))
                .as("a name seen lately is still followed: its first failure counts with these four")
                .contains(Duration.ofSeconds(30));
        // The flood outlasted the name's 30 s wait: the next guess is checked, and a failure then waits twice as long,
        // unless the made-up names had dropped the name and with it its count.
        fail("manager");
        assertThat(throttle.waitFor("manager"))
                .as("the name being guessed is still followed")
                .contains(Duration.ofSeconds(60));
    }

    @Test
    void overlongNames_areNotKept() {
        String overlong = "a".repeat(LoginThrottle.MAX_NAME_LENGTH + 1);

        assertThat(LoginThrottle.isAcceptedName(overlong)).isFalse();
        assertThat(LoginThrottle.isAcceptedName("a".repeat(LoginThrottle.MAX_NAME_LENGTH)))
                .isTrue();
        assertThatThrownBy(() -> throttle.attempt(overlong)).isInstanceOf(IllegalArgumentException.class);
        assertThat(throttle.namesFollowed()).isZero();
    }

    /** One wrong password for {@code user}, the throttle letting it be checked. */
    private void fail(String user) {
        try (LoginThrottle.Attempt attempt = throttle.attempt(user)) {
            assertThat(attempt.refusedFor()).as("refused: " + user).isEmpty();
            attempt.failed();
        }
    }
}
