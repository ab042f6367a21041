package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PendingSignalsTest {

    private final PendingSignals signals = new PendingSignals();

    @Test
    void aChannelNeverReadIsNotDrained() {
        assertThat(signals.isDrained("root")).isFalse();
    }

    @Test
    void aDrainedChannelStaysDrainedUntilSomethingIsSignalledForIt() {
        signals.drained("root", signals.of("root"));

        assertThat(signals.isDrained("root")).isTrue();
        signals.in("root");
        assertThat(signals.isDrained("root")).isFalse();
    }

    @Test
    void jobsStoredInOneChannelLeaveTheOtherChannelsDrained() {
        signals.drained("root", signals.of("root"));
        signals.drained("root.mail", signals.of("root.mail"));

        signals.in("root.mail");

        assertThat(signals.isDrained("root")).isTrue();
        assertThat(signals.isDrained("root.mail")).isFalse();
    }

    @Test
    void aSignalAnywhereUndrainsEveryChannel() {
        signals.in("root.mail"); // counts of their own differ from channel to channel
        signals.drained("root", signals.of("root"));
        signals.drained("root.mail", signals.of("root.mail"));

        signals.anywhere();

        assertThat(signals.isDrained("root")).isFalse();
        assertThat(signals.isDrained("root.mail")).isFalse();
    }

    @Test
    void aSignalGivenWhileTheChannelWasReadIsNotLost() {
        long takenBeforeTheRead = signals.of("root.mail");
        signals.in("root.mail"); // a commit the read may not have seen

        signals.drained("root.mail", takenBeforeTheRead);

        assertThat(signals.isDrained("root.mail")).isFalse();
    }

    @Test
    void aSignalAnywhereGivenWhileTheChannelWasReadIsNotLostEither() {
        long takenBeforeTheRead = signals.of("root");
        signals.anywhere();

        signals.drained("root", takenBeforeTheRead);

        assertThat(signals.isDrained("root")).isFalse();
    }

    @Test
    void aChannelLeftWithJobsItCouldStartIsReadAgainWithoutASignal() {
        signals.drained("root", signals.of("root"));

        signals.notDrained("root");

        assertThat(signals.isDrained("root")).isFalse();
    }
}
