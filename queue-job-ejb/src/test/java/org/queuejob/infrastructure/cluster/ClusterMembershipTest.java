package org.queuejob.infrastructure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.queuejob.infrastructure.config.QueueJobSettings;
import org.queuejob.infrastructure.config.WorkerIdentity;

class ClusterMembershipTest {

    /** The instance table's rows, as this server's statements leave them. */
    private final List<String> instances = new ArrayList<>();

    private final ClusterMembership membership = new ClusterMembership();

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
            public void leave(String server) {
                instances.remove(server);
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
    void aPollStillRunningWhenTheServerLeavesDoesNotMakeItKnownAgain() {
        membership.beatWhenDue();
        assertThat(instances).containsExactly("server@host/a");

        membership.leave();
        membership.beatWhenDue();

        assertThat(instances).isEmpty();
    }
}
