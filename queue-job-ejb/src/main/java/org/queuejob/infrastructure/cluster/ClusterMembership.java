package org.queuejob.infrastructure.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.infrastructure.cluster.ClusterStatements.Member;
import org.queuejob.infrastructure.config.QueueJobSettings;
import org.queuejob.infrastructure.config.WorkerIdentity;

/**
 * This server as a member of the cluster: it beats every heartbeat interval with what it can run and hold, and the
 * leader, at the same pace, reads who is alive and rescues the jobs of servers that stopped beating.
 */
@ApplicationScoped
public class ClusterMembership {

    private static final Logger LOG = Logger.getLogger(ClusterMembership.class.getName());

    @Inject
    ClusterStatements statements;

    @Inject
    WorkerIdentity me;

    @Inject
    QueueJobSettings settings;

    private List<String> functions = List.of();
    private int workers;
    private int heldLimit;
    private long lastBeatNanos;
    private volatile boolean othersAlive = true;

    /** Joins: a first beat, so the leader may hand this server jobs from its next look on. */
    public void start(List<String> functions, int workers, int heldLimit) {
        this.functions = List.copyOf(functions);
        this.workers = workers;
        this.heldLimit = heldLimit;
        beat();
        tell(Notifications.JOINED);
    }

    /**
     * Beats when the heartbeat interval has passed; the leader then also rescues dead servers' jobs and returns the
     * live members (empty otherwise).
     */
    public Optional<List<Member>> beatWhenDue(boolean leader) {
        if (System.nanoTime() - lastBeatNanos < settings.heartbeat().toNanos()) {
            return Optional.empty();
        }
        beat();
        int deadAfter = (int) settings.deadAfter().toSeconds();
        List<Member> live = statements.members(deadAfter);
        othersAlive = live.size() > 1;
        if (!leader) {
            return Optional.empty();
        }
        Map<String, Integer> rescued = statements.rescue(deadAfter);
        if (!rescued.isEmpty()) {
            LOG.warning(() -> "Rescued jobs of servers that stopped beating (back to pending), per server: " + rescued);
        }
        return Optional.of(live);
    }

    /** The servers alive now, this one included. */
    public List<Member> members() {
        List<Member> live = statements.members((int) settings.deadAfter().toSeconds());
        othersAlive = live.size() > 1;
        return live;
    }

    /** Whether another server was alive at the last look: messages to others are skipped when none is. */
    public boolean othersAlive() {
        return othersAlive;
    }

    /** Wakes the other servers; a lost message only costs a poll interval, so failures are quiet. */
    public void tell(String message) {
        try {
            statements.notifyServers(message);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not notify other servers; their poll will find the work", e);
        }
    }

    /** Leaves on purpose: others need not wait for this server's heartbeat to age. */
    public void leave() {
        statements.leave(me.name());
    }

    private void beat() {
        statements.beat(me.name(), workers, heldLimit, functions);
        lastBeatNanos = System.nanoTime();
    }
}
