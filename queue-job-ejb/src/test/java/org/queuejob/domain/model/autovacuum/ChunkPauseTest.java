package org.queuejob.domain.model.autovacuum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** The pause on a clock of its own: each park moves time on by exactly what was asked. */
class ChunkPauseTest {

    private static final AutovacuumPace TENTH = new AutovacuumPace(1000, 0.1);
    private static final LoadYield YIELD = new LoadYield(0.02);
    private static final Duration WORK = Duration.ofMillis(200);

    private final FakeTicker ticker = new FakeTicker();
    private final AtomicInteger beats = new AtomicInteger();

    @Test
    void idleWorkersPauseNineTimesTheChunkAtATenth() {
        pause(() -> 0);

        assertThat(ticker.elapsed()).isEqualTo(Duration.ofMillis(1800));
    }

    @Test
    void busyWorkersThroughoutPauseFortyNineTimesTheChunk() {
        pause(() -> 1);

        assertThat(ticker.elapsed()).isEqualTo(Duration.ofMillis(9800));
    }

    @Test
    void workArrivingDuringThePauseLengthensIt() {
        pause(() -> ticker.elapsed().compareTo(Duration.ofMillis(1000)) < 0 ? 0 : 1);

        assertThat(ticker.elapsed()).isGreaterThan(Duration.ofMillis(1800)).isLessThan(Duration.ofMillis(9800));
    }

    @Test
    void workEndingDuringThePauseShortensIt() {
        pause(() -> ticker.elapsed().compareTo(Duration.ofMillis(1000)) < 0 ? 1 : 0);

        assertThat(ticker.elapsed()).isGreaterThan(Duration.ofMillis(1800)).isLessThan(Duration.ofMillis(9800));
    }

    @Test
    void itBeatsEveryHeartbeatAndEndsWhenABeatIsRefused() {
        ChunkPause pause =
                new ChunkPause(ticker, Duration.ofSeconds(1), () -> false, () -> beats.incrementAndGet() < 3);

        pause.pause(share -> YIELD.pauseAfter(TENTH, WORK, share), () -> 1);

        assertThat(beats).hasValue(3);
        assertThat(ticker.elapsed()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aStopEndsItAtTheNextSlice() {
        ChunkPause pause = new ChunkPause(
                ticker, Duration.ofSeconds(5), () -> ticker.elapsed().toMillis() >= 250, () -> true);

        pause.pause(share -> YIELD.pauseAfter(TENTH, WORK, share), () -> 1);

        assertThat(ticker.elapsed()).isEqualTo(Duration.ofMillis(300));
    }

    private void pause(DoubleSupplier load) {
        new ChunkPause(ticker, Duration.ofSeconds(5), () -> false, () -> beats.incrementAndGet() > 0)
                .pause(share -> YIELD.pauseAfter(TENTH, WORK, share), load);
    }

    private static final class FakeTicker implements ChunkPause.Ticker {
        private long now = 1_000_000_000L;
        private final long start = now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void park(long nanos) {
            now += nanos;
        }

        Duration elapsed() {
            return Duration.ofNanos(now - start);
        }
    }
}
