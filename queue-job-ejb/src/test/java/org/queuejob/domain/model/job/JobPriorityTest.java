package org.queuejob.domain.model.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.channel.Channel;

/** The ranges the back office and the API hold priorities, capacities and throttles to, whichever way they come. */
class JobPriorityTest {

    @Test
    void aPriorityFrom0To1000000_isTaken_anyOtherRefusedWithTheRange() {
        assertThat(JobPriority.requireValid(0)).isZero();
        assertThat(JobPriority.requireValid(1_000_000)).isEqualTo(1_000_000);
        assertThatThrownBy(() -> JobPriority.requireValid(-5))
                .hasMessage("The priority is a whole number from 0 to 1,000,000 (smaller runs first), not -5.");
        assertThatThrownBy(() -> JobPriority.requireValid(1_000_001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCapacityOrThrottleOutOfTheChannelsScreensRange_isRefused() {
        Channel.requireSettable(OptionalInt.of(100_000), 86_400);
        Channel.requireSettable(OptionalInt.empty(), 0);
        assertThatThrownBy(() -> Channel.requireSettable(OptionalInt.of(100_001), 0))
                .hasMessage("The capacity is a whole number from 0 to 100,000, not 100,001.");
        assertThatThrownBy(() -> Channel.requireSettable(OptionalInt.of(-1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Channel.requireSettable(OptionalInt.of(1), 86_401))
                .hasMessageStartingWith("The throttle is a whole number of seconds from 0 to 86,400 (a day)");
    }

    @Test
    void aJobStoredByCodeWithAnyPriority_canStillBeRescheduled_whileANewPriorityIsHeldToTheRange() {
        QueueJob job = new QueueJob(
                "com.example.Mailer.send",
                "[\"ada@example.com\"]",
                new JobOptions(-5, null, 1, "Send a mail", "mail", null),
                "ada",
                Instant.parse("2026-01-01T10:00:00Z"));

        job.reschedule(-5, null, "root.billing");
        assertThat(job.channel()).isEqualTo("root.billing");
        assertThatThrownBy(() -> job.reschedule(-6, null, "root.mail"))
                .hasMessageStartingWith("The priority is a whole number from 0 to 1,000,000");
        assertThat(job.priority()).isEqualTo(-5);
        assertThat(job.channel()).as("nothing changed by the refused call").isEqualTo("root.billing");
    }
}
