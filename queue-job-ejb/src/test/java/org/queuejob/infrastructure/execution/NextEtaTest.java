package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NextEtaTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private final NextEta next = new NextEta();

    @Test
    void nothingIsKnownBeforeTheFirstRead() {
        assertThat(next.known(NOW)).isEmpty();
    }

    @Test
    void anEtaReadIsKnownUntilItComesDue() {
        Instant eta = NOW.plusSeconds(30);
        next.read(next.beforeRead(), Optional.of(eta));

        assertThat(next.known(NOW.plusSeconds(29))).contains(Optional.of(eta));
        assertThat(next.known(eta)).isEmpty();
    }

    @Test
    void noEtaAtAllIsKnownAsSuch_untilSomethingMayHaveChangedIt() {
        next.read(next.beforeRead(), Optional.empty());

        assertThat(next.known(NOW.plusSeconds(3600))).contains(Optional.empty());
        next.mayHaveChanged();
        assertThat(next.known(NOW)).isEmpty();
    }

    @Test
    void aChangeDuringTheReadIsNotLost() {
        long before = next.beforeRead();
        next.mayHaveChanged(); // a job with an eta committed while the statement ran

        next.read(before, Optional.of(NOW.plusSeconds(30)));

        assertThat(next.known(NOW)).isEmpty();
    }
}
