package org.queuejob.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import org.queuejob.api.Delayable;
import org.queuejob.api.JobCall;
import org.queuejob.api.JobQueue;
import org.queuejob.api.JobsTrap;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.infrastructure.interception.CallCapture;
import org.queuejob.infrastructure.interception.JobFunction;
import org.queuejob.infrastructure.interception.JobInvoker;
import org.queuejob.infrastructure.interception.NoDelay;
import org.queuejob.infrastructure.serialization.ArgumentCodec;

/**
 * Call-site options and graphs: runs the caller's lambda with {@code @Job} calls captured, then stores the one call
 * it made with the options, or keeps it as a node of a graph until {@code delay()}. Nothing is stored unless the
 * lambda made exactly one {@code @Job} call and returned normally.
 */
@ApplicationScoped
public class DefaultJobQueue implements JobQueue, JobQueue.Options.Enqueuer {

    static final String NOT_ONE_CALL =
            "The lambda given to enqueue(...) must call exactly one @Job method; it called %d. Nothing was stored.";

    /**
     * Said when the lambda reached no {@code @Job} method through its bean: a call on {@code this} inside a session
     * bean, or on an object made with {@code new}, is not intercepted, and the method has already run.
     */
    static final String NO_CALL = String.format(NOT_ONE_CALL, 0)
            + " If it called one on this (inside a session bean) or on an object made with new, that call was not"
            + " seen by the queue and the method has already run: call it on an injected bean.";

    private static final Logger LOG = Logger.getLogger(DefaultJobQueue.class.getName());

    @Inject
    JobEnqueuer enqueuer;

    @Override
    public Options options() {
        return new Options(this);
    }

    @Inject
    JobInvoker invoker;

    @Inject
    ArgumentCodec codec;

    @Inject
    TrappedJobRunner trappedJobs;

    @Override
    public JobsTrap trapJobs() {
        return TrappingJobs.open(trappedJobs);
    }

    @Override
    public <T> T noDelay(Callable<T> work) throws Exception {
        return NoDelay.during(work);
    }

    @Override
    public UUID enqueue(Options options, JobCall call) {
        CallCapture.Captured job = captureOne(call);
        if (NoDelay.active()) {
            runNow(job.function(), job.arguments());
            return null;
        }
        return enqueuer.enqueue(job.function(), job.arguments(), options);
    }

    private void runNow(JobFunction function, Object[] arguments) {
        try {
            invoker.invoke(function, arguments);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(function.name() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The arguments are encoded here, as a direct call's are at the call: the job stores them as they were now, not as
     * the caller may have changed them by {@code delay()}, and one that cannot be stored fails here, at the call that
     * passed it, with the direct call's sentence.
     */
    @Override
    public Delayable delayable(Options options, JobCall call) {
        CallCapture.Captured job = captureOne(call);
        String json = enqueuer.encode(job.function(), job.arguments());
        return new GraphNode.Call(this::delay, job.function(), job.arguments(), json, options);
    }

    @Override
    public Delayable chain(Delayable... nodes) {
        return new GraphNode.Chain(
                this::delay, Arrays.stream(nodes).map(GraphNode::node).toList());
    }

    @Override
    public Delayable group(Delayable... nodes) {
        return new GraphNode.Group(
                this::delay, Arrays.stream(nodes).map(GraphNode::node).toList());
    }

    /** Stores the whole graph {@code node} belongs to, parents before children, in one transaction. */
    private void delay(GraphNode node) {
        if (node.heads().stream().anyMatch(call -> !call.parents.isEmpty())) {
            LOG.warning(() -> "delay() was called on a node that is not the top of its graph (" + node.heads()
                    + " have parents); the whole graph is stored anyway");
        }
        List<GraphNode.Call> calls = parentsFirst(graphOf(node));
        if (calls.stream().anyMatch(GraphNode.Call::isDelayed)) {
            throw new IllegalStateException("This graph of jobs was already delayed");
        }
        if (NoDelay.active()) {
            calls.forEach(call -> {
                // Read back from the JSON, as a worker reads a stored job: the values of the delayable() call.
                runNow(call.function, codec.decode(call.function.method(), call.json));
                call.delayed(null);
            });
            return;
        }
        UUID graph = calls.size() > 1 ? UUID.randomUUID() : null;
        Optional<TrappingJobs> trap = TrappingJobs.current();
        Map<GraphNode.Call, Integer> index = new HashMap<>();
        List<QueueJob> jobs = new ArrayList<>();
        List<int[]> edges = new ArrayList<>();
        for (GraphNode.Call call : calls) {
            QueueJob job = enqueuer.newJob(call.function, call.json, call.options);
            if (graph != null) {
                job.joinGraph(graph, !call.parents.isEmpty());
            }
            index.put(call, jobs.size());
            jobs.add(job);
            call.parents.forEach(parent -> edges.add(new int[] {index.get(parent), index.get(call)}));
        }
        refuseRepeatedKeys(jobs); // before the trap keeps any: a graph refused leaves nothing in it
        Map<Integer, UUID> holders = trap.isPresent()
                ? trap.get().trapGraph(trapped(calls, jobs))
                : enqueuer.storeGraph(
                        jobs,
                        edges.stream().mapToInt(edge -> edge[0]).toArray(),
                        edges.stream().mapToInt(edge -> edge[1]).toArray());
        if (!holders.isEmpty()) {
            LOG.fine(() -> "Graph not stored: identity key(s) already held by waiting job(s) " + holders.values());
        }
        for (int i = 0; i < calls.size(); i++) {
            // Not stored: a node whose key is held answers with the holder, the others with nothing.
            calls.get(i).delayed(holders.isEmpty() ? jobs.get(i).uuid() : holders.get(i));
        }
    }

    /** The graph's calls with the jobs made of them, as the trap keeps them. */
    private static List<TrappingJobs.GraphCall> trapped(List<GraphNode.Call> calls, List<QueueJob> jobs) {
        List<TrappingJobs.GraphCall> trapped = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            trapped.add(new TrappingJobs.GraphCall(calls.get(i).function, calls.get(i).arguments, jobs.get(i)));
        }
        return trapped;
    }

    /** Two jobs of one graph with one key would make the graph refuse itself: a mistake, said plainly. */
    private static void refuseRepeatedKeys(List<QueueJob> jobs) {
        Set<String> keys = new HashSet<>();
        for (QueueJob job : jobs) {
            if (job.identityKey() != null && !keys.add(job.identityKey())) {
                throw new IllegalArgumentException("Two jobs of one graph have the same identity key '"
                        + job.identityKey() + "' (" + job.jobFunction() + "); nothing was stored.");
            }
        }
    }

    /** Every call connected to {@code node}, through parents and children. */
    private static Set<GraphNode.Call> graphOf(GraphNode node) {
        Set<GraphNode.Call> seen = new LinkedHashSet<>();
        Deque<GraphNode.Call> next = new ArrayDeque<>(node.heads());
        next.addAll(node.tails());
        while (!next.isEmpty()) {
            GraphNode.Call call = next.pop();
            if (seen.add(call)) {
                next.addAll(call.parents);
                next.addAll(call.children);
            }
        }
        return seen;
    }

    /** Kahn's topological order; a cycle would leave calls out, and is refused. */
    private static List<GraphNode.Call> parentsFirst(Set<GraphNode.Call> calls) {
        Map<GraphNode.Call, Integer> waitingFor = new HashMap<>();
        Deque<GraphNode.Call> ready = new ArrayDeque<>();
        for (GraphNode.Call call : calls) {
            waitingFor.put(call, call.parents.size());
            if (call.parents.isEmpty()) {
                ready.add(call);
            }
        }
        List<GraphNode.Call> ordered = new ArrayList<>();
        while (!ready.isEmpty()) {
            GraphNode.Call call = ready.poll();
            ordered.add(call);
            for (GraphNode.Call child : call.children) {
                if (waitingFor.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        if (ordered.size() != calls.size()) {
            throw new IllegalStateException("A graph of jobs cannot have cycles");
        }
        return ordered;
    }

    private static CallCapture.Captured captureOne(JobCall call) {
        List<CallCapture.Captured> captured = CallCapture.calls(call);
        if (captured.size() != 1) {
            throw new IllegalStateException(
                    captured.isEmpty() ? NO_CALL : String.format(NOT_ONE_CALL, captured.size()));
        }
        return captured.get(0);
    }
}
