package org.queuejob.domain.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;

/**
 * Decides which waiting jobs start now, modelled on the original's channel manager (§2.1–2.3) but holding no
 * backlog: the dispatcher keeps waiting jobs in the database and offers only a few heads per channel.
 *
 * <p>A dispatch round: {@link #demand} says how many heads to read per channel; {@link #select} returns the jobs
 * to start, in start order, and counts them as running at once (a second call cannot over-commit); events then
 * keep the counts true ({@link #jobFinished}, {@link #jobFailed}, {@link #failedJobResolved}); {@link #nextWakeUp}
 * says when to run a round without an event. State is per channel and bounded by the configuration: running ids
 * (at most the capacities, plus whatever was restored), failed jobs of sequential channels, the last throttled
 * start. {@link #reconfigure} swaps the tree live and keeps all of it.
 *
 * <p>Thread-safety: every public method is synchronised. It is meant to be driven by the one dispatcher thread;
 * {@link #snapshot()} may be called from any thread (a screen) and returns immutable values.
 */
public final class ChannelScheduler {

    /** Bounds the resolution cache: job channel names come from data and could be many. */
    private static final int MAX_CACHED_NAMES = 4096;

    private static final BinaryOperator<CandidateJob> FIRST_IN_ORDER =
            (a, b) -> CandidateJob.DISPATCH_ORDER.compare(a, b) <= 0 ? a : b;

    /** Running jobs: id → channel as announced, kept to re-resolve after a reconfiguration. */
    private final Map<Long, String> running = new HashMap<>();
    /** Failed jobs that block a sequential channel: id → channel as announced. */
    private final Map<Long, String> failed = new HashMap<>();
    /** Job channel name → state of the channel scheduling it; a cache of {@link ChannelTree#resolve}. */
    private final Map<String, ChannelState> resolved = new HashMap<>();

    /** Told of each job channel no configuration entry or record declares, when the name is first resolved. */
    private final Consumer<UndeclaredChannel> undeclared;

    private ChannelTree tree;
    private Map<String, ChannelState> states;

    public ChannelScheduler(ChannelTree tree) {
        this(tree, channel -> {});
    }

    /**
     * @param undeclared told, under this scheduler's lock, when a job channel that no configuration entry or record
     *     declares is resolved to the ancestor that schedules its jobs: on the name's first resolution, not per job,
     *     though again after a reconfiguration or once more names were met than the resolution cache holds. Must be
     *     quick: the dispatcher waits for it.
     */
    public ChannelScheduler(ChannelTree tree, Consumer<UndeclaredChannel> undeclared) {
        this.undeclared = Objects.requireNonNull(undeclared, "what to tell of undeclared channels is required");
        install(Objects.requireNonNull(tree, "channel tree is required"), Map.of());
    }

    public ChannelScheduler(ChannelConfig config) {
        this(ChannelTree.of(config));
    }

    public synchronized ChannelTree tree() {
        return tree;
    }

    /**
     * Applies a new configuration at run time. Running and failed jobs are kept and re-counted against the new tree
     * (a job whose channel disappeared counts against its nearest configured ancestor). A capacity lowered below
     * the running count starts nothing until enough jobs finish. Throttle pauses restart from the last start with
     * the new throttle. Only sequential channels track failed jobs: when a channel becomes sequential, announce its
     * existing failed jobs with {@link #jobFailed} if they must block it.
     */
    public synchronized void reconfigure(ChannelTree newTree) {
        Objects.requireNonNull(newTree, "channel tree is required");
        Map<String, Instant> lastStarts = new HashMap<>();
        states.forEach((name, s) -> {
            if (s.lastStart != null) {
                lastStarts.put(name, s.lastStart);
            }
        });
        install(newTree, lastStarts);
    }

    public synchronized void reconfigure(Collection<ChannelSpec> specs) {
        reconfigure(new ChannelTree(specs));
    }

    public synchronized void reconfigure(ChannelConfig config) {
        reconfigure(ChannelTree.of(config));
    }

    private void install(ChannelTree newTree, Map<String, Instant> lastStarts) {
        Map<String, ChannelState> byName = new LinkedHashMap<>();
        for (ChannelSpec spec : newTree.specs()) { // parents first
            ChannelState parent = spec.parentName().map(byName::get).orElse(null);
            ChannelState state = new ChannelState(spec, parent);
            state.lastStart = spec.throttleSeconds() > 0 ? lastStarts.get(spec.fullName()) : null;
            byName.put(spec.fullName(), state);
        }
        tree = newTree;
        states = byName;
        resolved.clear();
        running.values().forEach(channel -> addRunning(stateOf(channel), +1));
        failed.values().forEach(channel -> stateOf(channel).failed++);
    }

    // ---------------------------------------------------------------- decisions

    /**
     * How many jobs of {@code channel} (resolved, see {@link ChannelTree#resolve}) could start at {@code now}: the
     * smallest free capacity on the path to root; 0 when the channel or an ancestor is paused, throttled, a
     * sequential channel blocked by a failed job, or full; at most 1 through a throttled channel.
     */
    public synchronized int freeSlots(String channel, Instant now) {
        Objects.requireNonNull(now, "now is required");
        return freeOnPath(stateOf(channel), now);
    }

    /** One entry per configured channel that could start a job now (limit ≥ 1), parents before children. */
    public synchronized List<Demand> demand(Instant now) {
        Objects.requireNonNull(now, "now is required");
        List<Demand> demand = new ArrayList<>();
        for (ChannelState s : states.values()) {
            int limit = freeOnPath(s, now);
            if (limit > 0) {
                demand.add(new Demand(s.spec.fullName(), limit, s.spec.sequential()));
            }
        }
        return demand;
    }

    /** {@link #select(Instant, Collection)} with the candidates grouped by channel, as read per {@link Demand}. */
    public synchronized List<CandidateJob> select(
            Instant now, Map<String, ? extends Collection<CandidateJob>> candidates) {
        Objects.requireNonNull(candidates, "candidates are required");
        List<CandidateJob> all = new ArrayList<>();
        candidates.values().forEach(all::addAll);
        return select(now, all);
    }

    /**
     * Chooses the jobs to start now among the candidates, in start order, and counts them as running.
     *
     * <p>Candidates compete in {@link CandidateJob#DISPATCH_ORDER} across a channel and its sub-channels, as the
     * original's parent queues do. A job starts when every channel on its path to root is not paused, not full,
     * not throttled and not a sequential channel blocked by a failed job; its start then counts against all of
     * them and starts their throttle pause. A job whose eta is in the future never starts; in a sequential channel
     * it also holds back every job of that channel's subtree that sorts after it (no overtaking). Candidates that
     * are already running, and repeated ids, are ignored.
     */
    public synchronized List<CandidateJob> select(Instant now, Collection<CandidateJob> candidates) {
        Objects.requireNonNull(now, "now is required");
        Objects.requireNonNull(candidates, "candidates are required");
        Map<ChannelState, CandidateJob> waitFor = new HashMap<>(); // sequential channel → first job not yet due
        List<CandidateJob> ready = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (CandidateJob job : candidates) {
            Objects.requireNonNull(job, "candidate job is required");
            if (!seen.add(job.id()) || running.containsKey(job.id())) {
                continue;
            }
            if (job.isDue(now)) {
                ready.add(job);
            } else if (stateOf(job.channel()).spec.sequential()) {
                waitFor.merge(stateOf(job.channel()), job, FIRST_IN_ORDER);
            }
        }
        ready.sort(CandidateJob.DISPATCH_ORDER);
        List<CandidateJob> started = new ArrayList<>();
        for (CandidateJob job : ready) {
            ChannelState own = stateOf(job.channel());
            if (mayStart(job, own, now, waitFor)) {
                running.put(job.id(), job.channel());
                addRunning(own, +1);
                for (ChannelState s = own; s != null; s = s.parent) {
                    if (s.spec.throttleSeconds() > 0) {
                        s.lastStart = now;
                    }
                }
                started.add(job);
            }
        }
        return List.copyOf(started);
    }

    private boolean mayStart(CandidateJob job, ChannelState own, Instant now, Map<ChannelState, CandidateJob> waitFor) {
        for (ChannelState s = own; s != null; s = s.parent) {
            CandidateJob notDue = waitFor.get(s);
            if (s.free(now) == 0 || notDue != null && CandidateJob.DISPATCH_ORDER.compare(job, notDue) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The next instant at which a round could start something without an event: the end of a throttle pause, or
     * the earliest future eta of a channel that has room. Channels that are full, paused or blocked by a failed job
     * are skipped with their sub-channels: a finishing job, a resume or a resolution arrives as a call instead.
     *
     * @param earliestEtaByChannel per channel name (any name; resolved), the earliest eta of its waiting jobs; etas
     *                             at or before {@code now} are ignored (due jobs are what {@link #demand} is for)
     */
    public synchronized Optional<Instant> nextWakeUp(Instant now, Map<String, Instant> earliestEtaByChannel) {
        Objects.requireNonNull(now, "now is required");
        Objects.requireNonNull(earliestEtaByChannel, "earliest etas are required (may be empty)");
        Map<ChannelState, Instant> etas = new HashMap<>();
        earliestEtaByChannel.forEach((channel, eta) -> {
            if (eta != null && eta.isAfter(now)) {
                etas.merge(stateOf(channel), eta, ChannelScheduler::earliest);
            }
        });
        return Optional.ofNullable(wakeUp(states.get(ChannelSpec.ROOT), now, etas));
    }

    private Instant wakeUp(ChannelState s, Instant now, Map<ChannelState, Instant> etas) {
        if (s.spec.paused() || s.blockedByFailure() || s.full()) {
            return null;
        }
        Instant throttledUntil = s.throttledUntil();
        if (throttledUntil != null && throttledUntil.isAfter(now)) {
            return throttledUntil; // nothing below can start before that anyway
        }
        Instant wake = etas.get(s);
        for (ChannelState child : s.children) {
            wake = earliest(wake, wakeUp(child, now, etas));
        }
        return wake;
    }

    // ---------------------------------------------------------------- events

    /**
     * A job is running (started elsewhere, or restored). Idempotent; clears a failure it was blocking with. It
     * does not start a throttle pause (no instant is given): only {@link #select} does.
     */
    public synchronized void jobStarted(long jobId, String channel) {
        Objects.requireNonNull(channel, "channel is required");
        if (!running.containsKey(jobId)) {
            failedJobResolved(jobId);
            running.put(jobId, channel);
            addRunning(stateOf(channel), +1);
        }
    }

    /** A running job ended (done, cancelled, or sent back to waiting for a retry): its slot is free. */
    public synchronized void jobFinished(long jobId) {
        String channel = running.remove(jobId);
        if (channel != null) {
            addRunning(stateOf(channel), -1);
        }
    }

    /**
     * A job failed: its slot is free and, if its channel is sequential, the channel is blocked until
     * {@link #failedJobResolved}. Also how failed jobs are re-announced after a restart. Idempotent.
     */
    public synchronized void jobFailed(long jobId, String channel) {
        Objects.requireNonNull(channel, "channel is required");
        jobFinished(jobId);
        if (stateOf(channel).spec.sequential() && failed.putIfAbsent(jobId, channel) == null) {
            stateOf(channel).failed++;
        }
    }

    /** A failed job was requeued, set to done or cancelled: it no longer blocks its sequential channel. */
    public synchronized void failedJobResolved(long jobId) {
        String channel = failed.remove(jobId);
        if (channel != null) {
            stateOf(channel).failed--;
        }
    }

    /** The failed jobs blocking sequential channels (job id → channel), e.g. to reconcile with the database. */
    public synchronized Map<Long, String> blockingFailures() {
        return Map.copyOf(failed);
    }

    /** Forgets every running job, e.g. before {@link #restoreRunning} when the dispatcher (re)takes over. */
    public synchronized void clearRunning() {
        running.clear();
        states.values().forEach(s -> s.running = 0);
    }

    /** Counts jobs already running (job id → channel), e.g. those enqueued or started in the database. */
    public synchronized void restoreRunning(Map<Long, String> channelByJobId) {
        Objects.requireNonNull(channelByJobId, "running jobs are required").forEach(this::jobStarted);
    }

    public synchronized boolean isRunning(long jobId) {
        return running.containsKey(jobId);
    }

    /** The state of every channel, parents before children; immutable, safe to hand to another thread. */
    public synchronized List<ChannelStatus> snapshot() {
        List<ChannelStatus> statuses = new ArrayList<>(states.size());
        for (ChannelState s : states.values()) {
            boolean pausedByParent = false;
            for (ChannelState p = s.parent; p != null; p = p.parent) {
                pausedByParent |= p.spec.paused();
            }
            statuses.add(new ChannelStatus(
                    s.spec.fullName(),
                    s.spec.capacity(),
                    s.running,
                    s.failed,
                    s.spec.sequential(),
                    s.spec.throttleSeconds(),
                    s.throttledUntil(),
                    s.spec.paused(),
                    pausedByParent));
        }
        return List.copyOf(statuses);
    }

    @Override
    public synchronized String toString() {
        return "ChannelScheduler" + snapshot();
    }

    // ---------------------------------------------------------------- internals

    private ChannelState stateOf(String channel) {
        ChannelState state = resolved.get(channel);
        if (state == null) {
            state = states.get(tree.resolve(channel));
            tree.undeclared(channel).ifPresent(undeclared); // once per name: then the cache answers
            if (resolved.size() >= MAX_CACHED_NAMES) {
                resolved.clear();
            }
            resolved.put(channel, state);
        }
        return state;
    }

    private static void addRunning(ChannelState own, int delta) {
        for (ChannelState s = own; s != null; s = s.parent) {
            s.running += delta; // a sub-channel's job occupies a slot in every ancestor
        }
    }

    private static int freeOnPath(ChannelState own, Instant now) {
        int free = Integer.MAX_VALUE;
        for (ChannelState s = own; s != null && free > 0; s = s.parent) {
            free = Math.min(free, s.free(now));
        }
        return free;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /** Mutable per-channel counters; confined to the scheduler's lock. */
    private static final class ChannelState {
        final ChannelSpec spec;
        final ChannelState parent;
        final List<ChannelState> children = new ArrayList<>();
        int running; // jobs running in this channel's subtree
        int failed; // failed jobs blocking this channel (sequential only)
        Instant lastStart; // last start through this channel, kept only when throttled

        ChannelState(ChannelSpec spec, ChannelState parent) {
            this.spec = spec;
            this.parent = parent;
            if (parent != null) {
                parent.children.add(this);
            }
        }

        boolean full() {
            return spec.capacity().isPresent() && running >= spec.capacity().getAsInt();
        }

        boolean blockedByFailure() {
            return spec.sequential() && failed > 0;
        }

        Instant throttledUntil() {
            return lastStart == null ? null : lastStart.plusSeconds(spec.throttleSeconds());
        }

        /** Jobs this channel alone would let start now. */
        int free(Instant now) {
            Instant until = throttledUntil();
            if (spec.paused() || blockedByFailure() || until != null && now.isBefore(until)) {
                return 0;
            }
            int free =
                    spec.capacity().isPresent() ? Math.max(0, spec.capacity().getAsInt() - running) : Integer.MAX_VALUE;
            return spec.throttleSeconds() > 0 ? Math.min(free, 1) : free; // throttle: one start, then a pause
        }
    }
}
