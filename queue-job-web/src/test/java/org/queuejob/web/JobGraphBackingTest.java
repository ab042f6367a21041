package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.job.JobDependency;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.web.format.GraphDrawing;

class JobGraphBackingTest {

    private final StoredJobs stored = new StoredJobs();
    private final JobBacking page = new JobBacking();
    private final JobGraphBacking graph = new JobGraphBacking();

    JobGraphBackingTest() {
        page.jobQueries = stored;
        graph.page = page;
        graph.jobQueries = stored;
    }

    @Test
    void theJobsOfTheShownJobsGraph_areListedAsRows_readOnceForTheDrawingOfThePage() {
        UUID graphUuid = UUID.randomUUID();
        QueueJob parent = member("Parent", graphUuid, false);
        QueueJob child = member("Child", graphUuid, true);
        stored.storeGraph(graphUuid, List.of(parent, child), List.of(new JobDependency(parent.uuid(), child.uuid())));
        page.uuid = child.uuid().toString();

        assertThat(graph.getGraphJobs()).containsExactly(JobRow.of(parent), JobRow.of(child));
        assertThat(graph.getGraphJobs()).hasSize(2);
        assertThat(stored.graphReads).isEqualTo(1);
    }

    @Test
    void aPageDrawnAgain_readsTheGraphAgain() {
        UUID graphUuid = UUID.randomUUID();
        QueueJob alone = member("Alone", graphUuid, false);
        stored.storeGraph(graphUuid, List.of(alone), List.of());
        page.uuid = alone.uuid().toString();
        graph.getGraphJobs();

        graph.forget(new JobBacking.Drawn(page.getJob()));
        graph.getGraphJobs();

        assertThat(stored.graphReads).isEqualTo(2);
    }

    @Test
    void aJobOutsideAGraph_hasNoGraphJobs_andNoGraphIsRead() {
        QueueJob alone = stored.store(StoredJobs.job("Alone"));
        page.uuid = alone.uuid().toString();

        assertThat(graph.getGraphJobs()).isEmpty();
        assertThat(graph.getGraphSvg()).isEmpty();
        assertThat(stored.graphReads).isZero();
    }

    @Test
    void eachRowIsDrawnWithItsOwnUuidDescriptionFunctionAndState() {
        JobRow row = JobRowFixtures.row("Send mail", JobState.STARTED);

        assertThat(JobGraphBacking.nodes(List.of(row)))
                .containsExactly(
                        new GraphDrawing.Node(row.uuid(), "Send mail", "org.example.Jobs.run", JobState.STARTED));
    }

    private static QueueJob member(String description, UUID graph, boolean hasParents) {
        QueueJob job = StoredJobs.job(description);
        job.joinGraph(graph, hasParents);
        return job;
    }
}
