package org.queuejob.infrastructure.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.queuejob.domain.model.server.FunctionReach;
import org.queuejob.infrastructure.cluster.ClusterStatements.Member;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.config.QueueJobSettings;
import org.queuejob.infrastructure.config.WorkerIdentity;
import org.queuejob.infrastructure.observability.JobOutcomes;
import org.queuejob.infrastructure.persistence.CutShortRuns;
import org.queuejob.infrastructure.persistence.CutShortRuns.TakenBack;
import org.queuejob.infrastructure.persistence.QueueJobDataSource;

/**
 * This server as a member of the cluster. It beats every heartbeat interval with what it can run and hold, and holds
 * a liveness lock of its own on its listener's session ({@link Notifications}). The leader looks at both every poll:
 * a server whose liveness lock has had no holder for {@link #SESSION_GRACE} is dead (its process died or lost its
 * connection: PostgreSQL ends the session at once), and so is one that stopped beating for {@code
 * dead-after-seconds} (hung, or cut off with its session still open). The jobs of dead servers go back to pending.
 */
@ApplicationScoped
public class ClusterMembership {

    /**
     * How long a liveness lock may have no holder before its server counts as dead: long enough for a listener to
     * reconnect after a database restart (it retries every second), short enough for a takeover within seconds.
     */
    static final Duration SESSION_GRACE = Duration.ofSeconds(2);

    static final String NAME_TAKEN = "Queue job not started: another running queue already uses the worker name '%s'"
            + " on this database (another application on this server, or a server given the same"
            + " queue-job.worker-name). Give each application or server its own queue-job.worker-name; two queues"
            + " under one name would take each other's jobs.";

    private static final Logger LOG = Logger.getLogger(ClusterMembership.class.getName());

    @Inject
    ClusterStatements statements;

    @Inject
    WorkerIdentity me;

    @Inject
    QueueJobSettings settings;

    @Inject
    Notifications notifications;

    @Inject
    LeaderLock leader;

    @Inject
    JobOutcomes outcomes;

    @Inject
    @QueueJobClock
    Clock clock;

    @Inject
    @QueueJobDataSource
    DataSource dataSource;

    private final int sessionKey = new SecureRandom().nextInt(Integer.MAX_VALUE);

    /** The servers seen without their liveness lock, while they stay so (the leader's view). */
    private final MissingLivenessLocks missingLocks = new MissingLivenessLocks(SESSION_GRACE);

    private List<String> functions = List.of();
    private int workers;
    private int heldLimit;
    private long lastBeatNanos;
    private boolean joined;
    private volatile boolean othersAlive = true;
    /** Whether this server is quiet: it takes no new jobs and passes no slot on. */
    private volatile boolean quiet;
    /**
     * Changes of {@link #quiet} made here as they committed: a heartbeat whose read began before such a change must
     * not put back what it read.
     */
    private final AtomicLong quietChanges = new AtomicLong();
    /** Set when this server leaves: a poll still running then must not make it known again. */
    private boolean left;

    private final LongAdder rescuedJobs = new LongAdder();

    /** Jobs of dead servers this server sent back to pending as leader, since it started. */
    public long rescuedJobs() {
        return rescuedJobs.sum();
    }

    /** The key of this server's liveness lock, for its listener to hold. */
    public int sessionKey() {
        return sessionKey;
    }

    /**
     * Refuses to start under a name another running queue holds on this database: another application on this
     * server (the default name names the server, not the application), or a server given the same {@code
     * queue-job.worker-name}. Two queues under one name take each other's jobs, and fail those whose function only
     * the other has. One look, not a wait for the name to be released: a queue that stops gives its lock back before
     * its undeploy returns (see {@link Notifications#stop}), and a process that dies loses it with its session. A wait
     * here would also hold the deployment in its start-up, where WildFly holds a timer's calls into the application
     * until every start-up bean has started: one that fails then leaves them, and the undeploy, waiting for good.
     *
     * @throws IllegalStateException saying so, before this server has touched any job
     */
    public void requireOwnName() {
        if (statements.nameTaken(me.name())) {
            // Logged here too: Payara's deploy answer names only the lifecycle bean that failed.
            String refusal = String.format(NAME_TAKEN, me.name());
            LOG.severe(refusal);
            throw new IllegalStateException(refusal);
        }
    }

    /**
     * Joins: a first beat, so the leader may hand this server jobs from its next look on. It is not quiet, whatever a
     * record left by an earlier run of it said.
     */
    public synchronized void start(List<String> functions, int workers, int heldLimit) {
        this.functions = List.copyOf(functions);
        this.workers = workers;
        this.heldLimit = heldLimit;
        beat();
        notifications.tell(Notifications.JOINED);
    }

    /** Beats when the heartbeat interval has passed. */
    public synchronized void beatWhenDue() {
        if (!left && System.nanoTime() - lastBeatNanos >= settings.heartbeat().toNanos()) {
            beat();
        }
    }

    /** Beats now, to read at once whether this server is quiet: a server was made quiet or took jobs again. */
    public synchronized void beatNow() {
        if (!left && joined) {
            beat();
        }
    }

    /**
     * Whether this server is quiet (made so from the back office or the API): the leader hands it no new job, and it
     * finishes those it holds. Read at every heartbeat, and at once when a server says that one was made quiet.
     */
    public boolean quiet() {
        return quiet;
    }

    /**
     * This server was made quiet, or takes jobs again, in a transaction that just committed here. Memory only: it runs
     * when the transaction commits, before the call that made the change returns.
     */
    public void quietNow(boolean quietNow) {
        quietChanges.incrementAndGet();
        quietIs(quietNow);
    }

    private void quietIs(boolean quietNow) {
        if (quietNow != quiet) {
            quiet = quietNow;
            LOG.info(() -> quietNow
                    ? "This server is quiet: it takes no new jobs and finishes those it holds"
                    : "This server takes jobs again");
        }
    }

    /**
     * The leader's look, every poll: which servers are alive now; the jobs of the others go back to pending, or fail
     * at max retries if their run was cut short ({@link CutShortRuns}). The log names the dead servers and how many of
     * their jobs were rescued; those failed are told as every failure is, once their statement committed.
     */
    public synchronized List<Member> aliveRescuingTheDead() {
        List<Member> alive = members();
        Set<String> names = alive.stream().map(Member::name).collect(Collectors.toSet());
        TakenBack rescued = leader.onSession(session -> ClusterStatements.rescue(session, names, clock.instant()))
                .orElse(null);
        if (rescued != null && rescued.count() > 0) {
            rescuedJobs.add(rescued.count());
            LOG.warning(() -> "Server(s) no longer alive, their jobs back to pending: "
                    + rescued.byServer().entrySet().stream()
                            .map(dead -> dead.getKey() + " (" + dead.getValue() + " job(s))")
                            .collect(Collectors.joining(", "))
                    + (rescued.failed().isEmpty()
                            ? ""
                            : "; " + rescued.failed().size() + " of them failed, their last try cut short too"));
            outcomes.failedUnrun(rescued.failed());
        }
        return alive;
    }

    /** The servers alive now, this one included: beating, and holding their liveness lock (give or take the grace). */
    public synchronized List<Member> members() {
        long now = System.nanoTime();
        List<Member> beating = statements.members((int) settings.deadAfter().toSeconds());
        Set<String> names = beating.stream().map(Member::name).collect(Collectors.toSet());
        missingLocks.retainOnly(names);
        List<Member> alive = beating.stream()
                .filter(member -> missingLocks.alive(
                        member.name(), member.sessionAlive() || member.name().equals(me.name()), now))
                .toList();
        othersAlive = alive.size() > 1;
        return alive;
    }

    /**
     * How long until a server whose liveness lock is missing counts as dead, when one is missing: the leader looks
     * again then, so a dead server's jobs wait for the grace, not for the grace and the rest of a poll interval.
     */
    public synchronized Optional<Duration> untilGraceEnds() {
        return missingLocks.untilFirstGraceEnds(System.nanoTime());
    }

    /**
     * For each job function a running server (beating, its liveness lock held) with workers has, how many such
     * servers take jobs and how many are quiet ({@link FunctionReach}); a function missing from the map has none. A
     * look at the instance table for screens, without the leader's bookkeeping.
     */
    public Map<String, FunctionReach> reachOfFunctions() {
        Map<String, FunctionReach> reach = new HashMap<>();
        runningMembers()
                .filter(member -> member.workers() > 0)
                .forEach(member -> member.functions()
                        .forEach(function ->
                                reach.merge(function, FunctionReach.NONE.plus(member.quiet()), FunctionReach::add)));
        return Map.copyOf(reach);
    }

    private Stream<Member> runningMembers() {
        return statements.members((int) settings.deadAfter().toSeconds()).stream()
                .filter(member -> member.sessionAlive() || member.name().equals(me.name()));
    }

    /** Whether another server was alive at the last look: messages to others are skipped when none is. */
    public boolean othersAlive() {
        return othersAlive;
    }

    /** Leaves on purpose: others need not wait for this server's heartbeat to age. */
    public synchronized void leave() throws SQLException {
        left = true;
        removeRecord();
    }

    /** Deletes this server's record, on a pooled connection of its own (see {@link ClusterStatements#leave}). */
    void removeRecord() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            ClusterStatements.leave(connection, me.name());
        }
    }

    private void beat() {
        long changesBefore = quietChanges.get();
        boolean quietNow = statements.beat(me.name(), workers, heldLimit, functions, sessionKey, !joined);
        joined = true;
        lastBeatNanos = System.nanoTime();
        if (quietChanges.get() == changesBefore) {
            quietIs(quietNow);
        }
    }
}
