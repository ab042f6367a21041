package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.queuejob.it.support.DatabaseCounts.count;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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
import org.queuejob.it.jobs.TestJobs;
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

    private final String graph = "graph-" + UUID.randomUUID();

    private Delayable step(String name) {
        return queue.delayable(() -> jobs.step(graph, name));
    }

    @Test
    void chainRunsItsJobsOneAfterTheOtherInOneGraph() {
        Delayable a = step("a");
        Delayable b = step("b");
        Delayable c = step("c");

        queue.chain(a, b, c).delay();

        await().atMost(TIMEOUT).until(() -> log.steps(graph).size() == 3);
        assertThat(log.steps(graph)).containsExactly("a", "b", "c");
        UUID graphUuid = job(a).graphUuid().orElseThrow();
        assertThat(List.of(job(b), job(c)))
                .allMatch(job -> job.graphUuid().orElseThrow().equals(graphUuid));
    }

    @Test
    void jobAfterAGroupWaitsForEveryMember() {
        queue.group(step("a"), step("b")).onDone(step("c")).delay();

        await().atMost(TIMEOUT).until(() -> log.steps(graph).size() == 3);
        assertThat(log.steps(graph).get(2)).isEqualTo("c");
    }

    @Test
    void diamondRunsTheJoinLast() {
        Delayable b = step("b");
        Delayable c = step("c");
        step("a").onDone(queue.group(b, c).onDone(step("d"))).delay();

        await().atMost(TIMEOUT).until(() -> log.steps(graph).size() == 4);
        assertThat(log.steps(graph)).startsWith("a").endsWith("d");
    }

    @Test
    void nestedChainsConnectTheirFirstJobToWhatComesBefore() {
        // The original connects p to b here (Q6), so a would not wait for p.
        step("p")
                .onDone(queue.chain(queue.chain(step("a"), step("b")), step("c")))
                .delay();

        await().atMost(TIMEOUT).until(() -> log.steps(graph).size() == 4);
        assertThat(log.steps(graph)).containsExactly("p", "a", "b", "c");
    }

    @Test
    void chainAfterChainRunsInOrder() {
        queue.chain(queue.chain(step("a"), step("b")), queue.chain(step("c"), step("d")))
                .delay();

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
        step("a").onDone(step("b").onDone(step("c"))).delay();

        await().atMost(TIMEOUT).until(() -> log.steps(graph).size() == 3);
        assertThat(log.steps(graph)).containsExactly("a", "b", "c");
    }

    @Test
    void fanOutRunsEveryChildAfterTheParent() {
        step("parent").onDone(step("x"), step("y"), step("z")).delay();

        await().atMost(TIMEOUT).until(() -> log.steps(graph).size() == 4);
        assertThat(log.steps(graph)).startsWith("parent").containsOnlyOnce("x", "y", "z");
    }

    @Test
    void groupOfChainsKeepsEachChainInOrderAndJoinsAfterBoth() {
        queue.group(queue.chain(step("a1"), step("a2")), queue.chain(step("b1"), step("b2")))
                .onDone(step("join"))
                .delay();

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
