package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RefillTest {

    @Test
    void theLevelIsHalfThePrefetch() {
        assertThat(Refill.of(20, 80).level()).isEqualTo(30);
        assertThat(Refill.of(4, 8).level()).isEqualTo(2);
    }

    @Test
    void aServerAsksForMoreOnceHalfItsPrefetchIsGone() {
        Refill refill = Refill.of(20, 80);

        assertThat(refill.asksForMore(30)).isFalse();
        assertThat(refill.asksForMore(29)).isTrue();
    }

    @Test
    void aFurtherRoundNeedsRoomForHalfThePrefetch() {
        Refill refill = Refill.of(20, 80);

        assertThat(refill.worthAnotherRound(29)).isFalse();
        assertThat(refill.worthAnotherRound(30)).isTrue();
    }

    @Test
    void withoutPrefetchAServerAsksWhenItsBufferIsEmptyAndAnyRoomIsWorthARound() {
        Refill refill = Refill.of(4, 4);

        assertThat(refill.asksForMore(1)).isFalse();
        assertThat(refill.asksForMore(0)).isTrue();
        assertThat(refill.worthAnotherRound(1)).isTrue();
    }

    @Test
    void aLevelBelowOneIsRefused() {
        assertThatThrownBy(() -> new Refill(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
