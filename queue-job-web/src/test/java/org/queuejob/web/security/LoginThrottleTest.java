package org.queuejob.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
            throttle.failed("manager");
        }
        assertThat(throttle.waitFor("manager")).isEmpty();

        throttle.failed("manager");

        assertThat(throttle.waitFor("manager")).contains(Duration.ofSeconds(30));
        assertThat(throttle.waitFor("MANAGER "))
                .as("user names compare case-insensitively")
                .isPresent();
        assertThat(throttle.waitFor("viewer")).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.waitFor("manager")).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheWait_upToFifteenMinutes() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("manager");
        }
        assertThat(throttle.waitFor("manager")).contains(Duration.ofSeconds(60));
        for (int i = 0; i < 20; i++) {
            throttle.failed("manager");
        }
        assertThat(throttle.waitFor("manager")).contains(Duration.ofMinutes(15));
    }

    @Test
    void aSuccessClearsTheCount_andAnHourOfQuietForgetsIt() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("manager");
        }
        throttle.succeeded("manager");
        assertThat(throttle.waitFor("manager")).isEmpty();

        for (int i = 0; i < 5; i++) {
            throttle.failed("viewer");
        }
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        throttle.failed("viewer");
        assertThat(throttle.waitFor("viewer"))
                .as("the old failures no longer count")
                .isEmpty();
    }
}
