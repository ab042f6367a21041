package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.domain.scheduling.CandidateJob;
import org.queuejob.domain.scheduling.ChannelScheduler;
import org.queuejob.domain.scheduling.ChannelSpec;
import org.queuejob.domain.scheduling.ChannelStatus;
import org.queuejob.domain.scheduling.ChannelTree;
import org.queuejob.domain.scheduling.Demand;
import org.queuejob.infrastructure.cluster.ClusterStatements.Member;
import org.queuejob.infrastructure.cluster.EndedJob;
import org.queuejob.infrastructure.cluster.LeaderLock;
import org.queuejob.infrastructure.cluster.Notifications;
import org.queuejob.infrastructure.config.QueueJobClock;
import org.queuejob.infrastructure.config.WorkerIdentity;
import org.queuejob.infrastructure.interception.JobFunctionCatalog;
import org.queuejob.infrastructure.persistence.QueueStore;
import org.queuejob.infrastructure.persistence.QueueStore.Dispatched;
import org.queuejob.infrastructure.persistence.QueueStore.Head;
import org.queuejob.infrastructure.persistence.QueueStore.Occupant;
import org.queuejob.infrastructure.persistence.QueueStore.Rejected;

/**
 * What the leader decides for the whole cluster: which pending jobs start now, and on which server. It asks the
 * channel scheduler ({@link ChannelScheduler}, plain Java) which channels have room, reads only their head jobs, and
 * hands the chosen ones to servers that have their job function and room for them, the emptiest first, so the work
 * spreads evenly. The leader's own jobs come back from that statement with what its workers need to run them.
 *
 * <p>What occupies channel slots and servers is kept in memory: a dispatch adds, a job ending on this server
 * removes, and so does another server's message that its jobs ended ({@link #endedElsewhere}); the database is read
 * again ({@link #reconcile}) at the poll and when leadership begins. All statements run on the leader's session
 * ({@link LeaderLock#onSession}).
 *
 * <p>Not thread-safe by itself: its dispatching methods are called under one lock ({@link DispatchPasses#between});
 * only {@link #jobEnded} and the pending signals ({@link #mayHavePending}, {@link #pendingIn}) come from other
 * threads, and touch thread-safe state only.
 */
@ApplicationScoped
public class Dispatcher {

    /** Bounds one pass, so a flood of jobs cannot keep the dispatcher from its other duties. */
    static final int MAX_ROUNDS_PER_PASS = 20;

    /** What a dispatch statement says to the servers it handed jobs to (not to the leader itself). */
    private static final QueueStore.Notice DISPATCHED =
            new QueueStore.Notice(Notifications.CHANNEL, Notifications.DISPATCHED);

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject
    QueueStore store;

    @Inject
    Workers workers;

    @Inject
    LeaderLock leader;

    @Inject
    WorkerIdentity me;

    @Inject
    JobFunctionCatalog jobFunctions;

    @Inject
    UndeclaredChannels undeclaredChannels;

    @Inject
    @QueueJobClock
    Clock clock;

    /** Jobs that ended on this server, applied again after each read of the database (see {@link #reconcile}). */
    private final OwnJobEnds ownEnds = new OwnJobEnds();

    /** Jobs the other servers hold, as this leader counts them; this server's own count is its workers'. */
    private final HeldElsewhere heldElsewhere = new HeldElsewhere();

    private final HeadCursors cursors = new HeadCursors();

    private volatile ChannelScheduler channels;
    private volatile Map<String, Member> members = Map.of();
    private final QuietMarks quietMarks = new QuietMarks();

    /**
     * Jobs handed to each live server, for even shares: a job goes to the server with room that has been given the
     * fewest per slot. By room alone, this server's own freed slots (seen at once) would come back to it faster
     * than a follower's (seen after a message), and it would run most of the jobs.
     */
    private final Map<String, Long> handedOut = new ConcurrentHashMap<>();

    private int batchSize;

    /** How much room a round after a pass's first needs. */
    private Refill refill = new Refill(1);

    /**
     * Signals that jobs may have become pending since the last read: a commit that stored or requeued jobs (in the
     * channels it names), a message from another server, an eta come due, the poll, new channel settings or servers.
     * A channel whose last read found fewer jobs than it asked for, all of them handed out, is not read again before
     * the next signal for it. A pass asked for only because this server's buffer runs low (when jobs trickle in,
     * about one per job) then costs no statement, where it used to read an empty head and the next eta.
     */
    private final PendingSignals signals = new PendingSignals();

    /** The earliest future eta among pending jobs, while known. */
    private final NextEta nextEta = new NextEta();

    /** Reads of a channel's next jobs, one statement each. */
    private final LongAdder headReads = new LongAdder();

    /** Starts with the configured channels; nothing is dispatched before {@link #reconcile} ran. */
    void init(ChannelTree tree, int batchSize, Refill refill) {
        this.channels = new ChannelScheduler(tree, undeclaredChannels::scheduled);
        this.batchSize = batchSize;
        this.refill = refill;
    }

    /**
     * The live servers, this one included; a server that is not among them gets nothing, nor does a quiet one.
     */
    void members(Collection<Member> live) {
        Map<String, Member> byName = new LinkedHashMap<>();
        live.forEach(member -> byName.put(member.name(), member));
        List<Member> taking =
                byName.values().stream().filter(member -> !member.quiet()).toList();
        handedOut.keySet().retainAll(taking.stream().map(Member::name).toList());
        // A server that joins, or takes jobs again after being quiet, starts level with the least served rather than
        // at zero (or at what it had when it went quiet), so it gets no burst.
        double least = taking.stream()
                .filter(member -> handedOut.containsKey(member.name()))
                .mapToDouble(member -> perSlot(member, handedOut))
                .min()
                .orElse(0);
        taking.forEach(member -> handedOut.computeIfAbsent(member.name(), name ->
                (long) Math.ceil(least * Math.max(1, member.heldLimit()))));
        members = Map.copyOf(byName);
        mayHavePending(); // a server with other job functions makes other jobs startable
    }

    /**
     * The live servers, read by {@code read} from the database: a quiet mark applied here while the read ran is newer
     * than what it found, and is kept ({@link QuietMarks}).
     */
    void readMembers(Supplier<Collection<Member>> read) {
        long readFrom = quietMarks.beforeRead();
        Collection<Member> live = read.get();
        members(quietMarks.since(readFrom, live));
    }

    /**
     * A server was made quiet, or takes jobs again, in a transaction that just committed here: dispatch by it from now
     * on. Memory only (it runs when the transaction commits); the next read of the servers says the same.
     */
    void quiet(String server, boolean quiet) {
        quietMarks.applied(server, quiet);
        Member member = members.get(server);
        if (member != null && member.quiet() != quiet) {
            Map<String, Member> updated = new LinkedHashMap<>(members);
            updated.put(server, member.withQuiet(quiet));
            members(updated.values());
        }
    }

    private static double perSlot(Member member, Map<String, Long> handed) {
        return handed.getOrDefault(member.name(), 0L) / (double) Math.max(1, member.heldLimit());
    }

    ChannelTree tree() {
        return channels.tree();
    }

    /**
     * Applies channel records edited since the last look (capacity, sequential, throttle, pause) without restart:
     * jobs held keep their slots, new starts follow the new settings.
     */
    void reconfigure(ChannelTree tree) {
        cursors.forgetAll();
        mayHavePending();
        if (!tree.equals(channels.tree())) {
            channels.reconfigure(tree);
            LOG.info(() -> "Queue job channels changed: " + channels);
        }
    }

    /**
     * Replaces what is in memory by what the database says servers hold now. A job that ends on this server while
     * the database is read may be read as held, and one that took its slot as not held: both are counted again
     * afterwards ({@link OwnJobEnds}). The
     * failed jobs are read after the held ones, never before: a job that failed on another server between two such
     * reads would be freed by the second without blocking its sequential channel, and its server's message, come
     * later, would find its hand-over no longer counted (ClusterIT saw a channel's next job start so, once).
     */
    void reconcile() {
        ownEnds.readStarts();
        // A run here holds its slot until it returns, also once the database no longer has its job as held (cancelled,
        // set done or requeued while it runs, and not interrupted, or deaf to it): the next job of its channel would
        // otherwise run beside it. Taken before the read, so that a run ending during the read is freed again after
        // it (ownEnds). A map of its own, to which the read adds what the database holds.
        Map<Long, String> running = workers.running().channels();
        leader.onSession(store::occupying).ifPresent(occupants -> {
            heldElsewhere.clear();
            for (Occupant occupant : occupants) {
                running.put(occupant.id(), occupant.channel());
                if (!me.name().equals(occupant.worker())) {
                    heldElsewhere.handedOver(occupant.id(), occupant.worker(), occupant.channel(), occupant.version());
                }
            }
            channels.clearRunning();
            channels.restoreRunning(running);
            ownEnds.readDone(channels);
        });
        blockSequentialChannelsWithFailedJobs();
    }

    /**
     * A job ended on this server: its slot is free, or taken by {@code next} (null when none took it), unless its end
     * could not be recorded (it is still held here in the database, and runs again).
     */
    void jobEnded(ClaimedJob job, JobRunner.Outcome outcome, ClaimedJob next) {
        ownEnds.ended(channels, job, outcome, next);
    }

    /**
     * Jobs ended on other servers, as they told: their slots are free now, a failed one blocks its sequential channel,
     * and one not done may be waiting again. An end whose hand-over is no longer counted here changes nothing.
     */
    void endedElsewhere(List<EndedJob> ended) {
        boolean uncounted = false;
        for (EndedJob job : ended) {
            if (job.next().isPresent()) {
                uncounted |= !slotPassedOn(job, job.next().get());
                continue;
            }
            heldElsewhere.ended(job.id(), job.version()).ifPresent(held -> {
                if (job.how() == EndedJob.How.FAILED) {
                    channels.jobFailed(job.id(), held.channel());
                } else {
                    channels.jobFinished(job.id());
                }
            });
            if (job.how() == EndedJob.How.NOT_DONE) {
                pendingAnywhere(); // back to pending for a retry, perhaps, before where reads resume
            }
        }
        if (uncounted) {
            reconcile();
        }
    }

    /**
     * The follower passed the slot of a job it held on to the next job of the same channel ({@link SlotPassing}): that
     * job takes the slot, on the same server and channel, and counts as handed to that server for even shares.
     * Returns false when neither the slot nor the next job is counted here: this leader read the database after the
     * first job's hand-over was counted elsewhere, and must read it again to count the next one.
     */
    private boolean slotPassedOn(EndedJob job, EndedJob.Next next) {
        Optional<HeldElsewhere.Held> slot = heldElsewhere.passedOn(job.id(), job.version(), next.id(), next.version());
        if (slot.isEmpty()) {
            // Read as held already when the database was read after the pass committed (it commits with the done mark).
            return heldElsewhere.holds(next.id());
        }
        channels.jobFinished(job.id());
        channels.jobStarted(next.id(), slot.get().channel());
        handedOut.computeIfPresent(slot.get().server(), (server, handed) -> handed + 1);
        return true;
    }

    /**
     * Dispatches until every channel's room, or every server's, is used (or what is left of it is too small for
     * another round: {@link Refill}), or no startable job is left. Returns true
     * in the first case, and when no channel with room can have a job it did not have at its last read; false when
     * a read found the queue out of startable jobs, and then the next eta or throttle end decides the next pass.
     * The leader's own jobs go straight to its workers; servers that got jobs hear it from the dispatch statement
     * itself, when it commits.
     */
    boolean dispatch() {
        cursors.startPass();
        for (int round = 0; round < MAX_ROUNDS_PER_PASS; round++) {
            Instant now = clock.instant();
            Map<String, Integer> room = room();
            int totalRoom = room.values().stream().mapToInt(Integer::intValue).sum();
            if (totalRoom == 0 || (round > 0 && !refill.worthAnotherRound(totalRoom))) {
                return true;
            }
            List<Demand> demands = channels.demand(now).stream()
                    .filter(demand -> !signals.isDrained(demand.channel()))
                    .toList();
            if (demands.isEmpty()) {
                // No room, or nothing new since every channel with room was drained: nothing to read or learn.
                return true;
            }
            Map<String, Long> signal = new HashMap<>();
            demands.forEach(demand -> signal.put(demand.channel(), signals.of(demand.channel())));
            Set<String> functions = functions(room.keySet());
            Set<String> recorded = jobFunctions.recordedNames().orElse(null);
            Optional<Round> read = leader.onSession(s -> readHeads(s, demands, totalRoom, functions, recorded, now));
            if (read.isEmpty()) {
                return true;
            }
            boolean rejected = rejectUnknownFunctions(read.get().unknown);
            List<CandidateJob> selected = channels.select(now, read.get().candidates);
            if (selected.isEmpty()) {
                if (rejected) {
                    continue; // the heads read were jobs no server can run: read the next ones
                }
                noteDrained(read.get(), Set.of(), signal);
                return false;
            }
            Assignment assignment = assign(selected, read.get().functions, room);
            assignment.unassigned.forEach(channels::jobFinished);
            if (!assignment.isEmpty()) {
                Optional<Dispatched> dispatched = leader.onSession(
                        s -> store.dispatch(s, assignment.ids(), assignment.workers(), me.name(), now, DISPATCHED));
                Dispatched done = dispatched.orElse(new Dispatched(Map.of(), List.of()));
                settle(assignment, selected, done);
                advanceCursors(read.get().candidates, done.ids());
                noteDrained(read.get(), done.ids(), signal);
                if (done.ids().isEmpty()) {
                    // Every job chosen was locked by another transaction (or changed): reading again now would
                    // choose the same ones. The next event or poll tries again.
                    return true;
                }
            }
            if (!rejected && (selected.size() < read.get().wanted || !assignment.unassigned.isEmpty())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The heads read for a round: those some live server can run, by channel, with their functions, and those of
     * functions not recorded (no deployment registered them as the records stood at their last load).
     */
    private record Round(
            Map<String, List<CandidateJob>> candidates,
            Map<Long, String> functions,
            int wanted,
            List<Head> unknown,
            Set<String> readShort) {}

    private Round readHeads(
            Connection session,
            List<Demand> demands,
            int totalRoom,
            Set<String> functions,
            Set<String> recorded,
            Instant now)
            throws SQLException {
        Map<String, List<CandidateJob>> candidates = new HashMap<>();
        Map<Long, String> functionOf = new HashMap<>();
        List<Head> unknown = new ArrayList<>();
        Set<String> readShort = new HashSet<>();
        int wanted = 0;
        for (Demand demand : demands) {
            int limit = Math.min(Math.min(demand.limit(), batchSize), totalRoom);
            wanted += limit;
            List<CandidateJob> heads = new ArrayList<>(limit);
            Optional<HeadCursors.HeadKey> after = cursors.after(demand.channel());
            headReads.increment();
            List<Head> read = store.pendingHeads(
                    session,
                    demand.channel(),
                    channels.tree().children(demand.channel()),
                    limit,
                    demand.includeFutureEta(),
                    functions,
                    recorded,
                    now,
                    after.map(HeadCursors.HeadKey::asCandidate).orElse(null));
            if (read.size() < limit) {
                readShort.add(demand.channel());
            }
            for (Head head : read) {
                if (functions.contains(head.function())) {
                    heads.add(head.job());
                    functionOf.put(head.job().id(), head.function());
                } else {
                    unknown.add(head);
                }
            }
            candidates.put(demand.channel(), heads);
        }
        return new Round(candidates, functionOf, wanted, unknown, readShort);
    }

    /**
     * Fails the pending jobs read whose job function no deployment has registered: no server will ever have it, so
     * they would wait forever. The statement checks the records itself; jobs of a function registered since the
     * records were last loaded are left pending, and the records reloaded. Returns whether any job failed.
     */
    private boolean rejectUnknownFunctions(List<Head> heads) {
        if (heads.isEmpty()) {
            return false;
        }
        long[] ids = heads.stream().mapToLong(head -> head.job().id()).sorted().toArray();
        List<Rejected> rejected = leader.onSession(s -> store.rejectUnknownFunctions(
                        s,
                        ids,
                        UnknownJobFunctionException.class.getName(),
                        UnknownJobFunctionException.NEVER_REGISTERED))
                .orElse(List.of());
        for (Rejected job : rejected) {
            // A failed job blocks its channel if the channel is sequential, as any failed job does.
            channels.jobFailed(job.id(), job.channel());
        }
        if (!rejected.isEmpty()) {
            LOG.warning(() -> rejected.size() + " job(s) failed without running: no deployment has registered their "
                    + "job function "
                    + rejected.stream()
                            .map(Rejected::function)
                            .distinct()
                            .sorted()
                            .toList());
        }
        if (rejected.size() < heads.size()) {
            try {
                jobFunctions.refresh();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Job function records not reloaded; the poll reloads them", e);
            }
        }
        return !rejected.isEmpty();
    }

    /**
     * Moves each channel's cursor past the heads read that were handed out, stopping at the first that was not
     * (held back by the scheduler, left for lack of room, or changed in between): that one is read again next time.
     */
    private void advanceCursors(Map<String, List<CandidateJob>> heads, Set<Long> handedOut) {
        heads.forEach((channel, read) -> {
            CandidateJob last = null;
            for (CandidateJob head : read) {
                if (!handedOut.contains(head.id())) {
                    break;
                }
                last = head;
            }
            if (last != null) {
                cursors.handedOutUpTo(channel, last);
            }
        });
    }

    /**
     * A job became pending in {@code jobChannel} (as the job names it) at {@code priority} and {@code created}: the
     * configured channel that schedules it reads from its start again if that sorts before where its reads resume.
     */
    void pendingFrom(String jobChannel, int priority, Instant created) {
        cursors.pendingAt(channels.tree().resolve(jobChannel), priority, created);
    }

    /** Jobs became pending whose place in dispatch order is not known (released, rescued, told by another server). */
    void pendingAnywhere() {
        cursors.forgetAll();
        mayHavePending();
    }

    /** Reads of a channel's next jobs since this server started (one statement each), as leader. */
    public long headReads() {
        return headReads.sum();
    }

    /** Jobs may have become pending (committed): every channel is read again at the next pass. */
    void mayHavePending() {
        signals.anywhere();
        nextEta.mayHaveChanged();
    }

    /**
     * Jobs were stored or requeued in {@code jobChannels} (as the jobs name them; committed), some of them with an
     * eta if {@code withEta}: the channels that schedule them are read again at the next pass, the others only if
     * something else was signalled for them.
     */
    void pendingIn(Collection<String> jobChannels, boolean withEta) {
        ChannelTree tree = channels.tree();
        jobChannels.forEach(channel -> signals.in(tree.resolve(channel)));
        if (withEta) {
            nextEta.mayHaveChanged();
        }
    }

    /**
     * {@link #pendingIn}, for jobs whose place in dispatch order and eta are not known (another server stored them).
     */
    void pendingUnplacedIn(Collection<String> jobChannels) {
        cursors.forgetAll();
        pendingIn(jobChannels, true);
    }

    /**
     * A channel is drained when its read found fewer jobs than asked for and every one of them was handed out: no job
     * of it is pending now that was not already there at the read. One with a job read but held back (a sequential
     * channel's next, a job changed in between) is not: the job it holds back is read again.
     */
    private void noteDrained(Round round, Set<Long> handed, Map<String, Long> signal) {
        round.candidates.forEach((channel, heads) -> {
            if (round.readShort.contains(channel) && heads.stream().allMatch(head -> handed.contains(head.id()))) {
                signals.drained(channel, signal.get(channel));
            } else {
                signals.notDrained(channel);
            }
        });
    }

    /**
     * How many more jobs each live server that takes jobs may hold now. A quiet server is left out: it gets no job, and
     * the jobs only it could run are not read (they wait, pending, for a server that takes them).
     */
    private Map<String, Integer> room() {
        Map<String, Integer> room = new LinkedHashMap<>();
        for (Member member : members.values()) {
            if (member.quiet()) {
                continue;
            }
            int held = member.name().equals(me.name()) ? workers.heldCount() : heldElsewhere.heldBy(member.name());
            room.put(member.name(), Math.max(0, member.heldLimit() - held));
        }
        return room;
    }

    private Set<String> functions(Collection<String> servers) {
        Set<String> functions = new TreeSet<>();
        servers.forEach(server -> functions.addAll(members.get(server).functions()));
        return functions;
    }

    /** Jobs chosen for servers, sorted by id (the dispatch statement locks rows in that order). */
    private record Assignment(Map<Long, String> byId, List<Long> unassigned) {

        boolean isEmpty() {
            return byId.isEmpty();
        }

        long[] ids() {
            return byId.keySet().stream().mapToLong(Long::longValue).toArray();
        }

        String[] workers() {
            return byId.values().toArray(String[]::new);
        }
    }

    /**
     * Each job, in start order, to a server with room that has the job's function: the one handed the fewest jobs
     * per slot so far, then the one with the most room for its size.
     */
    private Assignment assign(List<CandidateJob> selected, Map<Long, String> functionOf, Map<String, Integer> room) {
        Map<Long, String> byId = new TreeMap<>();
        List<Long> unassigned = new ArrayList<>();
        Map<String, Long> handed = new HashMap<>(handedOut);
        Comparator<Member> fairest = Comparator.<Member>comparingDouble(member -> perSlot(member, handed))
                .thenComparingDouble(member -> -room.get(member.name()) / (double) Math.max(1, member.heldLimit()));
        for (CandidateJob job : selected) {
            String function = functionOf.get(job.id());
            Optional<Member> target = members.values().stream()
                    .filter(member -> room.getOrDefault(member.name(), 0) > 0)
                    .filter(member -> member.functions().contains(function))
                    .min(fairest);
            if (target.isPresent()) {
                byId.put(job.id(), target.get().name());
                room.merge(target.get().name(), -1, Integer::sum);
                handed.merge(target.get().name(), 1L, Long::sum);
            } else {
                unassigned.add(job.id());
            }
        }
        return new Assignment(byId, unassigned);
    }

    /** Jobs changed in between (cancelled, edited) free their slots again; the rest go to their servers. */
    private void settle(Assignment assignment, List<CandidateJob> selected, Dispatched dispatched) {
        Map<Long, String> channelOf = new HashMap<>();
        selected.forEach(job -> channelOf.put(job.id(), job.channel()));
        assignment.byId.forEach((id, server) -> {
            Long version = dispatched.versions().get(id);
            if (version == null) {
                channels.jobFinished(id);
                return;
            }
            // Only the servers that take jobs are counted: one that went quiet meanwhile starts level when it resumes.
            handedOut.computeIfPresent(server, (name, handed) -> handed + 1);
            if (!server.equals(me.name())) {
                heldElsewhere.handedOver(id, server, channelOf.get(id), version);
            }
        });
        workers.offer(dispatched.mine());
    }

    /**
     * Makes each sequential channel blocked by exactly the failed jobs the database has under it: a job that failed
     * before a restart still blocks, one that was requeued, set done or cancelled (from anywhere) no longer does.
     * The blocking jobs are taken before the database is read: one of this server's jobs failing during the read
     * blocks its channel in memory after its failure committed, and must not be taken for resolved.
     */
    private void blockSequentialChannelsWithFailedJobs() {
        Set<Long> blockingBefore = channels.blockingFailures().keySet();
        Map<Long, String> failedNow = new HashMap<>();
        for (ChannelSpec spec : channels.tree().specs()) {
            if (spec.sequential()) {
                Optional<Map<Long, String>> read = leader.onSession(s -> store.failedUnder(s, spec.fullName()));
                if (read.isEmpty()) {
                    return; // the database is away: what blocks stays blocked until the next look
                }
                failedNow.putAll(read.get());
            }
        }
        blockingBefore.stream().filter(id -> !failedNow.containsKey(id)).forEach(channels::failedJobResolved);
        failedNow.forEach(channels::jobFailed);
    }

    /** When the next pass is due without any event: the earliest eta or throttle end, if any. */
    Optional<Instant> nextWakeUp() {
        Instant now = clock.instant();
        Map<String, Instant> etas = new HashMap<>();
        nextEta(now).ifPresent(eta -> etas.put(ChannelSpec.ROOT, eta));
        return channels.nextWakeUp(now, etas);
    }

    /** The earliest future eta among pending jobs: read again only when it may have changed ({@link NextEta}). */
    private Optional<Instant> nextEta(Instant now) {
        Optional<Optional<Instant>> known = nextEta.known(now);
        if (known.isPresent()) {
            return known.get();
        }
        long before = nextEta.beforeRead();
        Optional<Optional<Instant>> read = leader.onSession(s -> store.nextEta(s, now));
        read.ifPresent(eta -> nextEta.read(before, eta));
        return read.flatMap(eta -> eta);
    }

    /** How the channels stand, as counted at the last pass (empty on servers that do not lead). */
    public List<ChannelStatus> channelStatus() {
        ChannelScheduler scheduler = channels;
        return scheduler == null ? List.of() : scheduler.snapshot();
    }
}
