package org.queuejob.infrastructure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotificationsReconnectTest {

    @Test
    void triesSoonAndOftenWhileTheLossIsYoungAsADatabaseRestartIs() {
        Duration wait = Duration.ofMillis(50);
        Duration lostFor = Duration.ZERO;
        int tries = 0;
        while (lostFor.compareTo(Duration.ofSeconds(3)) < 0) {
            lostFor = lostFor.plus(wait);
            wait = Notifications.nextWait(wait, lostFor);
            tries++;
            assertThat(wait).isLessThanOrEqualTo(Duration.ofMillis(250));
        }
        // A restart of a few seconds is seen back within a quarter of a second of its end.
        assertThat(tries).isGreaterThanOrEqualTo(12);
    }

    @Test
    void slowsDownOnceTheDatabaseHasBeenAwayForTenSeconds() {
        assertThat(Notifications.nextWait(Duration.ofMillis(250), Duration.ofSeconds(9)))
                .isEqualTo(Duration.ofMillis(250));
        assertThat(Notifications.nextWait(Duration.ofMillis(250), Duration.ofSeconds(10)))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(Notifications.nextWait(Duration.ofSeconds(2), Duration.ofMinutes(5)))
                .isEqualTo(Duration.ofSeconds(2));
    }
}
