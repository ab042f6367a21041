package org.queuejob.infrastructure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.queuejob.infrastructure.cluster.ClusterStatements.Member;
import org.queuejob.infrastructure.config.QueueJobSettings;
import org.queuejob.infrastructure.config.WorkerIdentity;

class ClusterMembershipTest {

    /** The instance table's rows, as this server's statements leave them. */
    private final List<String> instances = new ArrayList<>();

    private final ClusterMembership membership = new ClusterMembership() {
        @Override
        void removeRecord() {
            instances.remove(me.name());
        }
    };

    ClusterMembershipTest() {
        membership.statements = new ClusterStatements() {
            @Override
            public boolean beat(
                    String server, int workers, int heldLimit, Collection<String> functions, int key, boolean joining) {
                if (!instances.contains(server)) {
                    instances.add(server);
                }
                return false;
            }

            @Override
            public List<Member> members(int deadAfterSeconds) {
                return List.of(new Member("server@host/a", 4, 8, List.of(), true, false));
            }
        };
        membership.me = new WorkerIdentity() {
            @Override
            public String name() {
                return "server@host/a";
            }
        };
        membership.settings = new QueueJobSettings(); // a heartbeat of 0 s: every look is due for a beat
    }

    @Test
    void aLeaderWhoseSessionHasEnded_rescuesNothing_evenWithAListOfTheLivingReadBefore() {
        // Deposed (its session ended with its lock, during a long pause, say): a new leader may have handed jobs to
        // a server that joined since that list was read.
        List<String> sessionWork = new ArrayList<>();
        membership.leader = new LeaderLock() {
            @Override
            public synchronized <T> Optional<T> onSession(SessionWork<T> work) {
                sessionWork.add("refused");
                return Optional.empty();
            }
        };

        assertThat(membership.aliveRescuingTheDead()).extracting(Member::name).containsExactly("server@host/a");
        assertThat(sessionWork).as("the rescue asked for the leader's session").containsExactly("refused");
        assertThat(membership.rescuedJobs()).isZero();
    }

    @Test
    void aPollStillRunningWhenTheServerLeavesDoesNotMakeItKnownAgain() throws Exception {
        membership.beatWhenDue();
        assertThat(instances).containsExactly("server@host/a");

        membership.leave();
        membership.beatWhenDue();

        assertThat(instances).isEmpty();
    }
}
