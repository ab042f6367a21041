package org.queuejob.infrastructure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MissingLivenessLocksTest {

    private static final long SECOND = 1_000_000_000L;
    private final MissingLivenessLocks locks = new MissingLivenessLocks(Duration.ofSeconds(2));

    @Test
    void aServerWithoutItsLockStaysAliveForTheGraceCountedFromWhenItWasFirstSeenSo() {
        assertThat(locks.alive("a", false, 10 * SECOND)).isTrue();
        assertThat(locks.alive("a", false, 11 * SECOND)).isTrue();
        assertThat(locks.alive("a", false, 12 * SECOND - 1)).isTrue();

        assertThat(locks.alive("a", false, 12 * SECOND)).isFalse();
    }

    @Test
    void aLockTakenAgainWithinTheGraceStartsTheNextGraceAfresh() {
        locks.alive("a", false, 10 * SECOND);
        assertThat(locks.alive("a", true, 11 * SECOND)).isTrue();

        assertThat(locks.alive("a", false, 13 * SECOND)).isTrue();
        assertThat(locks.untilFirstGraceEnds(13 * SECOND)).contains(Duration.ofSeconds(2));
    }

    @Test
    void theLeaderLooksAgainWhenTheFirstRunningGraceEnds_notAtItsNextPoll() {
        locks.alive("a", false, 10 * SECOND);
        locks.alive("b", false, 11 * SECOND);

        assertThat(locks.untilFirstGraceEnds(10 * SECOND + SECOND / 2)).contains(Duration.ofMillis(1_500));
        assertThat(locks.untilFirstGraceEnds(12 * SECOND)).contains(Duration.ofSeconds(1));
        assertThat(locks.untilFirstGraceEnds(13 * SECOND)).isEmpty();
    }

    @Test
    void noLookIsDueWhileEveryLockIsHeld() {
        locks.alive("a", true, 10 * SECOND);

        assertThat(locks.untilFirstGraceEnds(10 * SECOND)).isEmpty();
    }

    @Test
    void aServerNoLongerKnownIsForgotten_itsGraceStartsAfreshIfItComesBack() {
        locks.alive("a", false, 10 * SECOND);
        locks.retainOnly(Set.of("b"));

        assertThat(locks.untilFirstGraceEnds(11 * SECOND)).isEmpty();
        assertThat(locks.alive("a", false, 20 * SECOND)).isTrue();
    }
}
