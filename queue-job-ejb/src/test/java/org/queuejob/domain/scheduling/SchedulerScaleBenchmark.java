package org.queuejob.domain.scheduling;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Not a test: a main class measuring (1) how long the core takes to decide with a backlog of 100,000 waiting jobs
 * in 50 channels and (2) how much heap the core holds with 1,000 versus 1,000,000 waiting jobs.
 *
 * <p>The backlog plays the database: per channel, jobs sorted in dispatch order, packed in one {@code long} each
 * outside the core. A round is what the dispatcher does: {@code demand}, read only the heads asked for (the only
 * {@link CandidateJob} objects ever created), {@code select}, and mark the started heads as no longer waiting.
 *
 * <p>Run: {@code mvn -q test-compile && java -cp target/classes:target/test-classes
 * org.queuejob.domain.scheduling.SchedulerScaleBenchmark}
 */
public final class SchedulerScaleBenchmark {

    private static final int CHANNELS = 50;
    private static final int ROOT_CAPACITY = 100;
    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
    private static final int CORES_FOR_HEAP = 50;

    /** 45 channels of capacity 4 and 5 sequential ones under root:100, so root is the bottleneck. */
    static String config() {
        StringBuilder c = new StringBuilder("root:" + ROOT_CAPACITY);
        for (int i = 0; i < CHANNELS; i++) {
            c.append(i < 45 ? String.format(",ch%02d:4", i) : String.format(",seq%02d:1:sequential", i));
        }
        return c.toString();
    }

    /** The "database": per channel, sort keys priority(5 bits) | created ms (37 bits) | local index (21 bits). */
    static final class Backlog {
        final String[] names = new String[CHANNELS];
        final long[][] keys = new long[CHANNELS][];
        final int[] cursor = new int[CHANNELS]; // jobs before the cursor have been started

        Backlog(int jobs, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int c = 0; c < CHANNELS; c++) {
                names[c] = String.format(c < 45 ? "root.ch%02d" : "root.seq%02d", c);
                int n = jobs / CHANNELS + (c < jobs % CHANNELS ? 1 : 0);
                long[] k = new long[n];
                for (int i = 0; i < n; i++) {
                    long priority = random.nextInt(10) == 0 ? random.nextInt(10) : 10; // mostly the default 10
                    long created = random.nextLong(86_400_000L);
                    k[i] = priority << 58 | created << 21 | i;
                }
                Arrays.sort(k);
                keys[c] = k;
            }
        }

        Backlog(Backlog shared) { // same jobs, own cursors: several cores over one backlog
            System.arraycopy(shared.names, 0, names, 0, CHANNELS);
            System.arraycopy(shared.keys, 0, keys, 0, CHANNELS);
        }

        CandidateJob candidate(int c, int position) {
            long k = keys[c][position];
            int local = (int) (k & ((1 << 21) - 1));
            return new CandidateJob(
                    (long) c * 10_000_000L + local,
                    names[c],
                    (int) (k >>> 58),
                    BASE.plusMillis((k >>> 21) & ((1L << 37) - 1)),
                    null);
        }

        int channelOf(long id) {
            return (int) (id / 10_000_000L);
        }

        long waiting() {
            long w = 0;
            for (int c = 0; c < CHANNELS; c++) {
                w += keys[c].length - cursor[c];
            }
            return w;
        }
    }

    /** One dispatcher round; returns the started jobs. */
    static List<CandidateJob> round(ChannelScheduler core, Backlog db, Map<String, Integer> index, Instant now) {
        Map<String, List<CandidateJob>> heads = new HashMap<>();
        for (Demand d : core.demand(now)) {
            Integer c = index.get(d.channel());
            if (c == null) {
                continue; // root's own jobs: none in this backlog
            }
            int from = db.cursor[c];
            int to = Math.min(db.keys[c].length, from + d.limit());
            List<CandidateJob> list = new ArrayList<>(to - from);
            for (int p = from; p < to; p++) {
                list.add(db.candidate(c, p));
            }
            heads.put(d.channel(), list);
        }
        List<CandidateJob> started = core.select(now, heads);
        for (CandidateJob job : started) {
            int c = db.channelOf(job.id());
            if (db.candidate(c, db.cursor[c]).id() != job.id()) {
                throw new IllegalStateException("a channel started a job that is not its head: " + job);
            }
            db.cursor[c]++; // the dispatcher's UPDATE ... SET state = 'enqueued'
        }
        return started;
    }

    static Map<String, Integer> index(Backlog db) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < CHANNELS; c++) {
            index.put(db.names[c], c);
        }
        return index;
    }

    record Timing(String scenario, int rounds, long jobs, double meanMicros, double p50Micros, double p99Micros) {}

    /**
     * Every round, all running jobs have finished: the round refills up to 100 slots. Timed while every channel
     * still has waiting jobs (afterwards only the sequential channels are left and rounds get trivially cheap).
     */
    static Timing fullRefills(int jobs, long seed) {
        Backlog db = new Backlog(jobs, seed);
        Map<String, Integer> index = index(db);
        ChannelScheduler core = new ChannelScheduler(ChannelConfig.parse(config()));
        List<Long> nanos = new ArrayList<>();
        long started = 0;
        List<CandidateJob> running = new ArrayList<>();
        Instant now = BASE;
        while (db.waiting() > 0) {
            running.forEach(j -> core.jobFinished(j.id()));
            now = now.plusMillis(10);
            long t = System.nanoTime();
            boolean allChannelsWaiting = Arrays.stream(db.cursor).allMatch(c -> c < jobs / CHANNELS);
            running = round(core, db, index, now);
            if (allChannelsWaiting) {
                nanos.add(System.nanoTime() - t);
            }
            started += running.size();
            if (running.isEmpty()) {
                throw new IllegalStateException("no progress with " + db.waiting() + " waiting");
            }
        }
        return timing("full refill (100 starts per round)", nanos, started);
    }

    /** Root stays full; each round one job (the oldest) finishes and one starts: the common steady state. */
    static Timing oneSlotRounds(int jobs, int rounds, long seed) {
        Backlog db = new Backlog(jobs, seed);
        Map<String, Integer> index = index(db);
        ChannelScheduler core = new ChannelScheduler(ChannelConfig.parse(config()));
        Deque<CandidateJob> running = new ArrayDeque<>(round(core, db, index, BASE));
        List<Long> nanos = new ArrayList<>();
        long started = 0;
        Instant now = BASE;
        for (int r = 0; r < rounds && db.waiting() > 0; r++) {
            core.jobFinished(running.removeFirst().id());
            now = now.plusMillis(10);
            long t = System.nanoTime();
            List<CandidateJob> s = round(core, db, index, now);
            nanos.add(System.nanoTime() - t);
            running.addAll(s);
            started += s.size();
        }
        return timing("one slot freed per round", nanos, started);
    }

    static Timing timing(String scenario, List<Long> nanos, long jobs) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElse(0) / 1000.0;
        return new Timing(
                scenario,
                sorted.length,
                jobs,
                mean,
                sorted[sorted.length / 2] / 1000.0,
                sorted[(int) (sorted.length * 0.99)] / 1000.0);
    }

    static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(
                    used,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    record Heap(int waitingJobs, long backlogBytes, long coreBytes, int running) {}

    /**
     * Heap retained per core, averaged over {@value #CORES_FOR_HEAP} cores (to average out GC noise), each having
     * dispatched until root is full (100 running ids), over one shared backlog held outside the cores.
     */
    static Heap heap(int jobs) throws InterruptedException {
        long before = usedHeapAfterGc();
        Backlog shared = new Backlog(jobs, 7);
        long withBacklog = usedHeapAfterGc();
        List<ChannelScheduler> cores = new ArrayList<>();
        List<Backlog> cursors = new ArrayList<>();
        Map<String, Integer> index = index(shared);
        for (int i = 0; i < CORES_FOR_HEAP; i++) {
            cursors.add(new Backlog(shared));
        }
        long withCursors = usedHeapAfterGc();
        for (int i = 0; i < CORES_FOR_HEAP; i++) {
            ChannelScheduler core = new ChannelScheduler(ChannelConfig.parse(config()));
            for (int r = 0; r < 3; r++) {
                round(core, cursors.get(i), index, BASE.plusSeconds(r));
            }
            cores.add(core);
        }
        long withCores = usedHeapAfterGc();
        int running = cores.get(0).snapshot().get(0).running();
        Heap heap = new Heap(jobs, withBacklog - before, (withCores - withCursors) / CORES_FOR_HEAP, running);
        if (cores.size() + cursors.size() + shared.names.length == 0) {
            throw new AssertionError(); // keeps everything reachable until measured
        }
        return heap;
    }

    public static void main(String[] args) throws InterruptedException {
        fullRefills(100_000, 1); // warm-up (JIT)
        oneSlotRounds(100_000, 20_000, 1);
        List<Timing> timings = List.of(fullRefills(100_000, 2), oneSlotRounds(100_000, 20_000, 2));
        System.out.printf(
                Locale.ROOT,
                "Decision time, 100,000 waiting jobs in %d channels (root:%d, 45 x C:4, "
                        + "5 sequential), per round = demand + read heads + select:%n",
                CHANNELS,
                ROOT_CAPACITY);
        System.out.printf(
                Locale.ROOT,
                "%-40s %8s %9s %10s %10s %10s%n",
                "scenario",
                "rounds",
                "started",
                "mean µs",
                "p50 µs",
                "p99 µs");
        for (Timing t : timings) {
            System.out.printf(
                    Locale.ROOT,
                    "%-40s %8d %9d %10.1f %10.1f %10.1f%n",
                    t.scenario(),
                    t.rounds(),
                    t.jobs(),
                    t.meanMicros(),
                    t.p50Micros(),
                    t.p99Micros());
        }
        System.out.println();
        System.out.println(
                "Heap (used heap after GC; core = average over " + CORES_FOR_HEAP + " cores, each with root full):");
        System.out.printf(Locale.ROOT, "%12s %16s %14s %10s%n", "waiting", "backlog (DB) KB", "core KB", "running");
        for (int jobs : new int[] {1_000, 1_000_000}) {
            Heap h = heap(jobs);
            System.out.printf(
                    Locale.ROOT,
                    "%,12d %16.1f %14.1f %10d%n",
                    h.waitingJobs(),
                    h.backlogBytes() / 1024.0,
                    h.coreBytes() / 1024.0,
                    h.running());
        }
    }
}
