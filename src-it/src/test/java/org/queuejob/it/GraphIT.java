package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.queuejob.it.support.DatabaseCounts.count;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.api.Delayable;
import org.queuejob.api.JobQueue;
import org.queuejob.application.JobAdminService;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.it.jobs.ExecutionLog;
import org.queuejob.it.jobs.Gate;
import org.queuejob.it.jobs.TestJobs;
import org.queuejob.it.support.DatabaseRows;
import org.queuejob.it.support.TestDeployments;

/** Graphs of jobs: children wait for all their parents; done releases, failure blocks, cancel cascades. */
@ExtendWith(ArquillianExtension.class)
class GraphIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LATER = Duration.ofHours(1);

    @Deployment
    static WebArchive deployment() {
        return TestDeployments.queueJobWar("graph-it");
    }

    @Inject
    JobQueue queue;

    @Inject
    TestJobs jobs;

    @Inject
    ExecutionLog log;

    @Inject
    JobQueryService query;

    @Inject
    JobAdminService admin;

    @Inject
    Gate gate;

    private final String graph = "graph-" + UUID.randomUUID();

    /** The steps of the test's graph, by node (identity: two nodes may be equal calls). */
    private final Map<Delayable, String> names = new IdentityHashMap<>();

    private Delayable step(String name) {
        return step(name, 10);
    }

    /**
     * A step of the test's graph at {@code priority}. The tests give children smaller numbers (sooner) than their
     * parents: were dependencies ignored, children would run first.
     */
    private Delayable step(String name, int priority) {
        return named(name, queue.options().priority(priority).delayable(() -> jobs.step(graph, name)));
    }

    /**
     * A first step held back by an eta, so that the graph can be checked as stored before anything runs; {@link
     * #release} lets it run.
     */
    private Delayable heldStep(String name, int priority) {
        return named(name, queue.options().priority(priority).eta(LATER).delayable(() -> jobs.step(graph, name)));
    }

    private Delayable named(String name, Delayable node) {
        names.put(node, name);
        return node;
    }

    /** Lets a held step run now. */
    private void release(Delayable node) {
        QueueJob job = job(node);
        admin.reschedule(job.uuid(), job.priority(), null, job.channel());
    }

    /** The dependency rows stored for the test's graph, as "parent→child" by step name. */
    private Set<String> edges() {
        Map<UUID, String> byUuid = new HashMap<>();
        names.forEach((node, name) -> byUuid.put(node.uuid().orElseThrow(), name));
        UUID graphUuid = job(names.keySet().iterator().next()).graphUuid().orElseThrow();
        return query.graphDependencies(graphUuid).stream()
                .map(edge -> byUuid.get(edge.parent()) + "→" + byUuid.get(edge.child()))
                .collect(Collectors.toSet());
    }

    /** Each step's state, by name. */
    private Map<String, JobState> states() {
        Map<String, JobState> states = new TreeMap<>();
        names.forEach((node, name) -> states.put(name, job(node).state()));
        return states;
    }

    private static Map<String, JobState> waiting(String pending, String... waiting) {
        Map<String, JobState> states = new TreeMap<>();
        states.put(pending, JobState.PENDING);
        for (String name : waiting) {
            states.put(name, JobState.WAIT_DEPENDENCIES);
        }
        return states;
    }

    @Test
    void chainRunsItsJobsOneAfterTheOtherInOneGraph() {
        Delayable a = heldStep("a", 30);
        Delayable b = step("b", 20);
        Delayable c = step("c", 10);

        queue.chain(a, b, c).delay();

        assertThat(edges()).containsExactlyInAnyOrder("a→b", "b→c");
        assertThat(states()).isEqualTo(waiting("a", "b", "c"));
        UUID graphUuid = job(a).graphUuid().orElseThrow();
        assertThat(List.of(job(b), job(c)))
                .allMatch(job -> job.graphUuid().orElseThrow().equals(graphUuid));

        release(a);

        await().atMost(TIMEOUT).until(() -> log.steps(graph).size() == 3);
        assertThat(log.steps(graph)).containsExactly("a", "b", "c");
    }

    @Test
    void jobAfterAGroupWaitsForEveryMember() {
        Delayable a = heldStep("a", 30);
        Delayable b = heldStep("b", 30);
        Delayable c = step("c", 1);

        queue.group(a, b).onDone(c).delay();

        assertThat(edges()).containsExactlyInAnyOrder("a→c", "b→c");
        assertThat(states()).containsEntry("a", JobState.PENDING).containsEntry("c", JobState.WAIT_DEPENDENCIES);

        release(a);
        await().atMost(TIMEOUT).until(() -> job(a).state() == JobState.DONE);
        assertThat(job(c).state()).as("c with one member done").isEqualTo(JobState.WAIT_DEPENDENCIES);

        release(b);
        await().atMost(TIMEOUT).until(() -> log.steps(graph).size() == 3);
        assertThat(log.steps(graph)).containsExactly("a", "b", "c");
    }

    @Test
    void diamondRunsTheJoinLast() {
        Delayable a = heldStep("a", 30);
        Delayable b = step("b", 5);
        Delayable c = step("c", 5);
        Delayable d = step("d", 1);

        a.onDone(queue.group(b, c).onDone(d)).delay();

        assertThat(edges()).containsExactlyInAnyOrder("a→b", "a→c", "b→d", "c→d");
        assertThat(states()).isEqualTo(waiting("a", "b", "c", "d"));

        release(a);

        await().atMost(TIMEOUT).until(() -> log.steps(graph).size() == 4);
        assertThat(log.steps(graph)).startsWith("a").endsWith("d");
    }

    @Test
    void nestedChainsConnectTheirFirstJobToWhatComesBefore() {
        // The original connects p to b here (Q6), so a would not wait for p.
        Delayable p = heldStep("p", 30);

        p.onDone(queue.chain(queue.chain(step("a", 3), step("b", 2)), step("c", 1)))
                .delay();

        assertThat(edges()).containsExactlyInAnyOrder("p→a", "a→b", "b→c");
        assertThat(states()).isEqualTo(waiting("p", "a", "b", "c"));

        release(p);

        await().atMost(TIMEOUT).until(() -> log.steps(graph).size() == 4);
        assertThat(log.steps(graph)).containsExactly("p", "a", "b", "c");
    }

    @Test
    void chainAfterChainRunsInOrder() {
        Delayable a = heldStep("a", 30);

        queue.chain(queue.chain(a, step("b", 3)), queue.chain(step("c", 2), step("d", 1)))
                .delay();

        assertThat(edges()).containsExactlyInAnyOrder("a→b", "b→c", "c→d");
        assertThat(states()).isEqualTo(waiting("a", "b", "c", "d"));

        release(a);

        await().atMost(TIMEOUT).until(() -> log.steps(graph).size() == 4);
        assertThat(log.steps(graph)).containsExactly("a", "b", "c", "d");
    }

    @Test
    void failedJobBlocksOnlyItsDescendants() {
        Delayable failing = queue.delayable(() -> jobs.failingStep(graph, "broken"));
        Delayable after = step("after-broken");
        Delayable other = step("other-branch");

        queue.group(queue.chain(failing, after), other).delay();

        await().atMost(TIMEOUT).until(() -> job(failing).state() == JobState.FAILED);
        await().atMost(TIMEOUT).until(() -> job(other).state() == JobState.DONE);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> job(after).state() == JobState.WAIT_DEPENDENCIES);
        assertThat(log.steps(graph)).doesNotContain("after-broken");
    }

    @Test
    void jobSetDoneByHandReleasesItsChildren() {
        Delayable later = queue.options().eta(Duration.ofHours(1)).delayable(() -> jobs.step(graph, "later"));
        Delayable child = step("child");
        later.onDone(child).delay();

        admin.markDone(job(later).uuid());

        await().atMost(TIMEOUT).until(() -> job(child).state() == JobState.DONE);
        assertThat(log.steps(graph)).containsExactly("child");
    }

    @Test
    void cancellingAJobCancelsAllItsDescendants() {
        Delayable root = queue.options().eta(Duration.ofHours(1)).delayable(() -> jobs.step(graph, "root"));
        Delayable child = step("child");
        Delayable grandchild = step("grandchild");
        queue.chain(root, child, grandchild).delay();

        admin.cancel(job(root).uuid());

        assertThat(List.of(job(root), job(child), job(grandchild)))
                .extracting(QueueJob::state)
                .containsOnly(JobState.CANCELLED);
    }

    /**
     * A job running when its ancestor is cancelled is cancelled with it, and its run, which goes on (its function is
     * not interrupted), keeps its channel's slot: the cancel records the run as taken away, with the version it was
     * handed over at, and the run's end forgets it. The ancestor was set done by hand (which let the child run) and
     * requeued, so that it can be cancelled while the child runs.
     */
    @Test
    void cancellingAnAncestorOfARunningJob_recordsItsRunAsTakenAwayUntilItReturns() throws InterruptedException {
        gate.reset();
        Delayable later = named("later", queue.options().eta(LATER).delayable(() -> jobs.step(graph, "later")));
        Delayable running =
                named("running", queue.delayable(() -> jobs.serialAtTheGate("graph-gate-" + UUID.randomUUID())));
        later.onDone(running).delay();
        admin.markDone(job(later).uuid());
        await().atMost(TIMEOUT).until(gate::isReached);
        long id = job(running).id();
        List<List<String>> handedOver = DatabaseRows.rows("SELECT worker, version FROM queue_job WHERE id = ?", id);
        admin.requeue(job(later).uuid());

        admin.cancel(job(later).uuid());

        assertThat(job(running).state()).isEqualTo(JobState.CANCELLED);
        assertThat(takenAway(id))
                .as("its run recorded as taken away, as handed over")
                .isEqualTo(handedOver);
        gate.open();
        await().atMost(TIMEOUT).until(() -> takenAway(id).isEmpty());
        assertThat(job(running).state()).as("once its run returned").isEqualTo(JobState.CANCELLED);
    }

    private static List<List<String>> takenAway(long jobId) {
        return DatabaseRows.rows("SELECT worker, version FROM queue_job_run_taken_away WHERE job_id = ?", jobId);
    }

    @Test
    void chainOfAThousandJobsIsStoredWithAllItsEdges() throws Exception {
        Delayable[] nodes = new Delayable[1000];
        nodes[0] = queue.options().eta(Duration.ofHours(1)).delayable(() -> jobs.step(graph, "first"));
        for (int i = 1; i < nodes.length; i++) {
            String name = "step-" + i;
            nodes[i] = queue.delayable(() -> jobs.step(graph, name));
        }

        queue.chain(nodes).delay();

        UUID graphUuid = job(nodes[0]).graphUuid().orElseThrow();
        assertThat(count("SELECT count(*) FROM queue_job WHERE graph_uuid = CAST(? AS uuid)", graphUuid.toString()))
                .isEqualTo(1000);
        assertThat(count(
                        "SELECT count(*) FROM queue_job_dependency d JOIN queue_job j ON j.id = d.child_id"
                                + " WHERE j.graph_uuid = CAST(? AS uuid)",
                        graphUuid.toString()))
                .isEqualTo(999);
        assertThat(job(nodes[999]).state()).isEqualTo(JobState.WAIT_DEPENDENCIES);
    }

    @Test
    void singleDelayableIsOneJobWithoutAGraph() {
        Delayable single = step("single");

        single.delay();

        await().atMost(TIMEOUT).until(() -> log.steps(graph).size() == 1);
        assertThat(job(single).graphUuid()).isEmpty();
    }

    @Test
    void onDoneNestedRunsEachAfterItsParent() {
        Delayable a = heldStep("a", 30);

        a.onDone(step("b", 2).onDone(step("c", 1))).delay();

        assertThat(edges()).containsExactlyInAnyOrder("a→b", "b→c");
        assertThat(states()).isEqualTo(waiting("a", "b", "c"));

        release(a);

        await().atMost(TIMEOUT).until(() -> log.steps(graph).size() == 3);
        assertThat(log.steps(graph)).containsExactly("a", "b", "c");
    }

    @Test
    void fanOutRunsEveryChildAfterTheParent() {
        Delayable parent = heldStep("parent", 30);

        parent.onDone(step("x", 1), step("y", 1), step("z", 1)).delay();

        assertThat(edges()).containsExactlyInAnyOrder("parent→x", "parent→y", "parent→z");
        assertThat(states()).isEqualTo(waiting("parent", "x", "y", "z"));

        release(parent);

        await().atMost(TIMEOUT).until(() -> log.steps(graph).size() == 4);
        assertThat(log.steps(graph)).startsWith("parent").containsOnlyOnce("x", "y", "z");
    }

    @Test
    void groupOfChainsKeepsEachChainInOrderAndJoinsAfterBoth() {
        Delayable a1 = heldStep("a1", 30);
        Delayable b1 = heldStep("b1", 30);

        queue.group(queue.chain(a1, step("a2", 2)), queue.chain(b1, step("b2", 2)))
                .onDone(step("join", 1))
                .delay();

        assertThat(edges()).containsExactlyInAnyOrder("a1→a2", "b1→b2", "a2→join", "b2→join");
        assertThat(states())
                .containsEntry("a1", JobState.PENDING)
                .containsEntry("b1", JobState.PENDING)
                .containsEntry("a2", JobState.WAIT_DEPENDENCIES)
                .containsEntry("b2", JobState.WAIT_DEPENDENCIES)
                .containsEntry("join", JobState.WAIT_DEPENDENCIES);

        release(a1);
        release(b1);

        await().atMost(TIMEOUT).until(() -> log.steps(graph).size() == 5);
        List<String> steps = log.steps(graph);
        assertThat(steps.indexOf("a1")).isLessThan(steps.indexOf("a2"));
        assertThat(steps.indexOf("b1")).isLessThan(steps.indexOf("b2"));
        assertThat(steps).endsWith("join");
    }

    @Test
    void graphWhoseKeyIsHeldByAWaitingJobIsNotStoredAtAll() {
        String key = "graph-key-" + UUID.randomUUID();
        UUID waiting = queue.options().identityKey(key).eta(LATER).enqueue(() -> jobs.step(graph, "waiting"));
        Delayable keyed = queue.options().identityKey(key).delayable(() -> jobs.step(graph, "keyed"));
        Delayable after = step("after");
        Delayable unrelated = queue.options().identityKey(key + "-free").delayable(() -> jobs.step(graph, "free"));

        queue.group(queue.chain(keyed, after), unrelated).delay();

        assertThat(keyed.uuid()).contains(waiting);
        assertThat(after.uuid()).isEmpty();
        assertThat(unrelated.uuid()).isEmpty();
        assertThat(count("SELECT count(*) FROM queue_job WHERE identity_key LIKE ?", key + "%"))
                .isEqualTo(1);
    }

    @Test
    void graphWithKeysNobodyHoldsIsStoredWholeAndOnlyOnce() {
        String key = "graph-key-" + UUID.randomUUID();
        Delayable first = queue.options().identityKey(key).eta(LATER).delayable(() -> jobs.step(graph, "first"));
        queue.chain(first, step("second")).delay();
        Delayable again = queue.options().identityKey(key).eta(LATER).delayable(() -> jobs.step(graph, "again"));
        Delayable againSecond = step("again-second");

        queue.chain(again, againSecond).delay();

        assertThat(job(first).graphUuid()).isPresent();
        assertThat(again.uuid()).contains(first.uuid().orElseThrow());
        assertThat(againSecond.uuid()).isEmpty();
        assertThat(count(
                        "SELECT count(*) FROM queue_job WHERE graph_uuid = CAST(? AS uuid)",
                        job(first).graphUuid().orElseThrow().toString()))
                .isEqualTo(2);
    }

    @Test
    void twoJobsOfOneGraphWithTheSameKeyAreRefused() {
        String key = "twice-" + UUID.randomUUID();
        Delayable a = queue.options().identityKey(key).delayable(() -> jobs.step(graph, "a"));
        Delayable b = queue.options().identityKey(key).delayable(() -> jobs.step(graph, "b"));

        assertThatThrownBy(() -> queue.chain(a, b).delay())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Two jobs of one graph have the same identity key '" + key + "'");
        assertThat(count("SELECT count(*) FROM queue_job WHERE identity_key = ?", key))
                .isZero();
    }

    private QueueJob job(Delayable node) {
        return query.find(node.uuid().orElseThrow()).orElseThrow();
    }
}
