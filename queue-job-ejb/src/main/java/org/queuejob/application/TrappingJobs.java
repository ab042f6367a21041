package org.queuejob.application;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.queuejob.api.JobCall;
import org.queuejob.api.JobsTrap;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.infrastructure.interception.CallCapture;
import org.queuejob.infrastructure.interception.JobFunction;

/** The {@link JobsTrap} open on a thread; {@link JobEnqueuer} hands it the jobs it would have stored. */
final class TrappingJobs implements JobsTrap {

    private static final ThreadLocal<TrappingJobs> OPEN = new ThreadLocal<>();

    private record Entry(JobFunction function, Object[] arguments, QueueJob job) {}

    private final TrappedJobRunner runner;
    private final TrappingJobs outer;
    private final List<Entry> entries = new ArrayList<>();

    private TrappingJobs(TrappedJobRunner runner, TrappingJobs outer) {
        this.runner = runner;
        this.outer = outer;
    }

    static TrappingJobs open(TrappedJobRunner runner) {
        TrappingJobs trap = new TrappingJobs(runner, OPEN.get());
        OPEN.set(trap);
        return trap;
    }

    static Optional<TrappingJobs> current() {
        return Optional.ofNullable(OPEN.get());
    }

    /**
     * Keeps a job instead of storing it, and answers as storing it would: its uuid, or, like the original, when a
     * trapped job already has its identity key, that job's uuid, the new one being dropped (it used to answer with the
     * uuid of the dropped job, which no trapped or stored job has).
     */
    UUID trap(JobFunction function, Object[] arguments, QueueJob job) {
        Optional<UUID> holder = holderOf(job);
        if (holder.isPresent()) {
            return holder.get();
        }
        entries.add(new Entry(function, arguments.clone(), job));
        return job.uuid();
    }

    /** A job of a graph as the trap is handed it: its function, arguments and job. */
    record GraphCall(JobFunction function, Object[] arguments, QueueJob job) {}

    /**
     * Keeps a graph's jobs, parents first, instead of storing them, as storing them would: when a trapped job already
     * has the identity key of one of them, none is kept, and the answer maps each such job's index to the holder's
     * uuid; otherwise all are kept and the answer is empty.
     */
    Map<Integer, UUID> trapGraph(List<GraphCall> calls) {
        Map<Integer, UUID> holders = new LinkedHashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            int index = i;
            holderOf(calls.get(i).job()).ifPresent(holder -> holders.put(index, holder));
        }
        if (holders.isEmpty()) {
            calls.forEach(call ->
                    entries.add(new Entry(call.function(), call.arguments().clone(), call.job())));
        }
        return holders;
    }

    private Optional<UUID> holderOf(QueueJob job) {
        if (job.identityKey() == null) {
            return Optional.empty();
        }
        return entries.stream()
                .map(Entry::job)
                .filter(trapped -> job.identityKey().equals(trapped.identityKey()))
                .map(QueueJob::uuid)
                .findFirst();
    }

    @Override
    public List<TrappedJob> jobs() {
        return entries.stream()
                .map(entry -> new TrappedJob(
                        entry.function().name(), Arrays.asList(entry.arguments()), properties(entry.job())))
                .toList();
    }

    @Override
    public void assertJobsCount(int expected) {
        if (entries.size() != expected) {
            throw new AssertionError("Expected " + expected + " enqueued job(s), got " + entries.size() + actual());
        }
    }

    @Override
    public void assertJobsCount(int expected, JobCall call) {
        String function = expectedCall(call).function().name();
        long count = entries.stream()
                .filter(entry -> entry.function().name().equals(function))
                .count();
        if (count != expected) {
            throw new AssertionError(
                    "Expected " + expected + " enqueued job(s) of " + function + ", got " + count + actual());
        }
    }

    @Override
    public void assertEnqueued(JobCall expected, Map<String, Object> properties) {
        CallCapture.Captured call = expectedCall(expected);
        boolean found = entries.stream()
                .anyMatch(
                        entry -> entry.function().name().equals(call.function().name())
                                && Arrays.deepEquals(entry.arguments(), call.arguments())
                                && matches(properties(entry.job()), properties));
        if (!found) {
            throw new AssertionError("Job " + describe(call.function(), call.arguments()) + " with properties ("
                    + format(properties) + ") was not enqueued." + actual());
        }
    }

    @Override
    public void performEnqueuedJobs() {
        List<Entry> toRun = new ArrayList<>(entries);
        entries.clear();
        // Single jobs first, by priority; then graphs, whose jobs were handed over parents first.
        toRun.stream()
                .filter(entry -> entry.job().graphUuid().isEmpty())
                .sorted(Comparator.comparingInt(entry -> entry.job().priority()))
                .forEach(this::run);
        toRun.stream().filter(entry -> entry.job().graphUuid().isPresent()).forEach(this::run);
    }

    @Override
    public void close() {
        if (outer == null) {
            OPEN.remove();
        } else {
            OPEN.set(outer);
        }
    }

    /**
     * Runs one trapped job as a worker runs a stored one: in a transaction of its own, with its arguments read back
     * from the JSON it would have been stored with (entities loaded again), and its job context set.
     */
    private void run(Entry entry) {
        QueueJob job = entry.job();
        ClaimedJob asStored = new ClaimedJob(
                0L,
                job.uuid(),
                job.channel(),
                job.jobFunction(),
                job.arguments(),
                job.graphUuid().isPresent(),
                0,
                job.userName(),
                job.context(),
                // Not a queue's start: no latency to measure, no hand-over to name.
                null,
                0L,
                false);
        try {
            runner.run(asStored);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(entry.function().name() + " failed: " + e.getMessage(), e);
        }
    }

    private static CallCapture.Captured expectedCall(JobCall call) {
        List<CallCapture.Captured> captured = CallCapture.calls(call);
        if (captured.size() != 1) {
            throw new IllegalArgumentException(
                    "The expected call must call exactly one @Job method; it called " + captured.size());
        }
        return captured.get(0);
    }

    private static Map<String, Object> properties(QueueJob job) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", job.priority());
        properties.put("eta", job.eta());
        properties.put("max_retries", job.maxRetries());
        properties.put("description", job.description());
        properties.put("channel", job.channel());
        properties.put("identity_key", job.identityKey());
        return properties;
    }

    private static boolean matches(Map<String, Object> actual, Map<String, Object> expected) {
        return expected.entrySet().stream()
                .allMatch(entry -> Objects.equals(actual.get(entry.getKey()), entry.getValue()));
    }

    private String actual() {
        if (entries.isEmpty()) {
            return "\nActual enqueued jobs: none";
        }
        return entries.stream()
                .map(entry -> " * " + describe(entry.function(), entry.arguments()) + " with properties ("
                        + format(properties(entry.job())) + ")")
                .collect(Collectors.joining("\n", "\nActual enqueued jobs:\n", ""));
    }

    private static String describe(JobFunction function, Object[] arguments) {
        return function.method().getDeclaringClass().getSimpleName() + "."
                + function.method().getName()
                + Arrays.stream(arguments).map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String format(Map<String, Object> properties) {
        return properties.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
