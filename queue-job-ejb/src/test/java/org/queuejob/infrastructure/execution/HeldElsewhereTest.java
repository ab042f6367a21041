package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.queuejob.infrastructure.execution.HeldElsewhere.Held;

class HeldElsewhereTest {

    private final HeldElsewhere held = new HeldElsewhere();

    @Test
    void anEndToldByItsServerFreesTheJobOnce() {
        held.handedOver(1, "b", "root.beta", 2);
        held.handedOver(2, "b", "root", 2);
        held.handedOver(3, "c", "root", 5);

        assertThat(held.ended(1, 2)).contains(new Held("b", "root.beta", 2));
        assertThat(held.heldBy("b")).isEqualTo(1);
        assertThat(held.heldBy("c")).isEqualTo(1);
        assertThat(held.ended(1, 2)).as("the same end told twice").isEmpty();
        assertThat(held.heldBy("b")).isEqualTo(1);
    }

    @Test
    void aLateEndOfAnEarlierHandOverFreesNothing_theJobHandedOutAgainStaysCounted() {
        held.handedOver(7, "b", "root", 2);
        // Read again from the database after a retry sent it back to pending; handed out again, to another server.
        held.clear();
        held.handedOver(7, "c", "root", 4);

        assertThat(held.ended(7, 2)).isEmpty();
        assertThat(held.heldBy("c")).isEqualTo(1);
        assertThat(held.ended(7, 4)).isPresent();
        assertThat(held.heldBy("c")).isZero();
    }

    @Test
    void aJobHandedOverAgainCountsForItsNewServerOnly() {
        held.handedOver(7, "b", "root", 2);
        held.handedOver(7, "c", "root", 4);

        assertThat(held.heldBy("b")).isZero();
        assertThat(held.heldBy("c")).isEqualTo(1);
    }

    @Test
    void aSlotPassedOnKeepsItsServerAndChannel_theNextJobCountedInIt() {
        held.handedOver(1, "b", "root.beta", 2);

        assertThat(held.passedOn(1, 2, 5, 3)).contains(new Held("b", "root.beta", 2));

        assertThat(held.heldBy("b")).isEqualTo(1);
        assertThat(held.holds(1)).isFalse();
        assertThat(held.ended(5, 3))
                .as("the next job's own end frees the slot")
                .contains(new Held("b", "root.beta", 3));
        assertThat(held.heldBy("b")).isZero();
    }

    @Test
    void aPassOfASlotNotCountedHereCountsNothing() {
        held.handedOver(1, "b", "root", 2);

        assertThat(held.passedOn(1, 1, 5, 3))
                .as("an earlier hand-over of the job")
                .isEmpty();

        assertThat(held.holds(5)).isFalse();
        assertThat(held.heldBy("b")).isEqualTo(1);
    }

    @Test
    void anEndOfAJobNotCountedHereChangesNothing() {
        held.handedOver(1, "b", "root", 2);

        assertThat(held.ended(99, 1)).isEmpty();
        assertThat(held.heldBy("b")).isEqualTo(1);
    }
}
