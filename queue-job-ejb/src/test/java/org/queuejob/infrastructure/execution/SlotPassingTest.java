package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.domain.scheduling.ChannelSpec;
import org.queuejob.domain.scheduling.ChannelTree;
import org.queuejob.infrastructure.cluster.ClusterMembership;
import org.queuejob.infrastructure.cluster.LeaderLock;
import org.queuejob.infrastructure.persistence.QueueStore.SlotPass;

class SlotPassingTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private final SlotPassing passing = new SlotPassing();
    private boolean leads;
    private boolean quiet;

    @BeforeEach
    void follower() {
        passing.leader = new LeaderLock() {
            @Override
            public boolean isLeader() {
                return leads;
            }
        };
        passing.membership = new ClusterMembership() {
            @Override
            public boolean quiet() {
                return quiet;
            }
        };
        at(T0);
        passing.configure(Duration.ofSeconds(1), List.of("app.Jobs.send", "app.Jobs.bill"));
        passing.channels(tree(ChannelSpec.of("root.mail", 3)));
    }

    @Test
    void aFollowersSlotGoesToTheNextJobOfItsConfiguredChannel_withItsPathAndFunctions() {
        ClaimedJob job = job(1, "root.mail.newsletter");
        passing.handedOver(List.of(job));

        assertThat(passing.passFor(job))
                .contains(new SlotPass(
                        "root.mail",
                        List.of(),
                        List.of("root.mail", "root"),
                        List.of("app.Jobs.send", "app.Jobs.bill")));
    }

    @Test
    void theLeaseRunsFromTheLeadersHandOver_andTheNextJobKeepsIt() {
        ClaimedJob first = job(1, "root.mail");
        ClaimedJob second = job(2, "root.mail");
        passing.handedOver(List.of(first));
        at(T0.plusMillis(600));
        passing.passed(first, second);
        passing.ended(first);

        assertThat(passing.passFor(second)).isPresent();
        at(T0.plusMillis(1_000));
        assertThat(passing.passFor(second))
                .as("lease over: the slot goes back to the leader")
                .isEmpty();
        assertThat(passing.passedCount()).isEqualTo(1);
    }

    @Test
    void aQuietServerPassesNoSlotOn_andPassesThemAgainOnceItTakesJobs() {
        ClaimedJob job = job(1, "root.mail");
        passing.handedOver(List.of(job));

        quiet = true;
        assertThat(passing.passFor(job))
                .as("quiet: the slot goes back to the leader")
                .isEmpty();
        quiet = false;
        assertThat(passing.passFor(job)).isPresent();
    }

    @Test
    void theLeadersOwnSlotsAndJobsNotHandedOverAreNotPassed() {
        ClaimedJob job = job(1, "root.mail");
        assertThat(passing.passFor(job)).as("no hand-over seen").isEmpty();

        passing.handedOver(List.of(job));
        leads = true;
        assertThat(passing.passFor(job)).isEmpty();
    }

    @Test
    void aPausedSequentialOrThrottledChannelOnThePathKeepsItsSlotsWithTheLeader() {
        ClaimedJob job = job(1, "root.mail");
        passing.handedOver(List.of(job));

        passing.channels(tree(new ChannelSpec("root.mail", OptionalInt.of(3), false, 0, true)));
        assertThat(passing.passFor(job)).as("paused").isEmpty();
        passing.channels(tree(new ChannelSpec("root.mail", OptionalInt.of(1), true, 0, false)));
        assertThat(passing.passFor(job)).as("sequential").isEmpty();
        passing.channels(new ChannelTree(
                List.of(new ChannelSpec("root", OptionalInt.of(8), false, 5, false), ChannelSpec.of("root.mail", 3))));
        assertThat(passing.passFor(job)).as("throttled root").isEmpty();
    }

    @Test
    void aJobThatLeftForgetsItsLease() {
        ClaimedJob job = job(1, "root.mail");
        passing.handedOver(List.of(job));
        passing.ended(job);

        assertThat(passing.passFor(job)).isEmpty();
    }

    @Test
    void aLeaseOfZeroPassesNothing() {
        passing.configure(Duration.ZERO, List.of("app.Jobs.send"));
        ClaimedJob job = job(1, "root.mail");
        passing.handedOver(List.of(job));

        assertThat(passing.passFor(job)).isEmpty();
    }

    private void at(Instant now) {
        passing.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    private static ChannelTree tree(ChannelSpec mail) {
        return new ChannelTree(List.of(ChannelSpec.of("root", 8), mail));
    }

    private static ClaimedJob job(long id, String channel) {
        return new ClaimedJob(id, UUID.randomUUID(), channel, "app.Jobs.send", "[]", false, 0, "u", null, T0, 1, false);
    }
}
