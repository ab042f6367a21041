package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.domain.model.server.FunctionReach;

class JobBackingTest {

    private final StoredJobs stored = new StoredJobs();
    private final RecordedEvents<JobBacking.Drawn> drawings = new RecordedEvents<>();
    private final JobBacking page = new JobBacking();

    JobBackingTest() {
        page.jobQueries = stored;
        page.drawn = drawings;
    }

    @Test
    void wellFormedUuidsAreLookedUp_othersAreNotFound() {
        UUID uuid = UUID.randomUUID();

        assertThat(JobBacking.parse(uuid.toString())).contains(uuid);
        assertThat(JobBacking.parse(" " + uuid + " ")).contains(uuid);
        assertThat(JobBacking.parse("42")).isEmpty();
        assertThat(JobBacking.parse("<script>")).isEmpty();
        assertThat(JobBacking.parse("")).isEmpty();
        assertThat(JobBacking.parse(null)).isEmpty();
    }

    @Test
    void aMalformedUuid_findsNoJob_withoutAskingTheDatabase_andTheMessageEchoesAtMost64Characters() {
        page.uuid = "x".repeat(100);

        assertThat(page.getJob()).isNull();
        assertThat(stored.finds).isZero();
        assertThat(page.getNotFoundMessage()).isEqualTo("No job with uuid " + "x".repeat(64) + "….");

        page.uuid = " ";
        assertThat(page.getNotFoundMessage()).isEqualTo(JobBacking.NO_UUID);
    }

    @Test
    void aWaitingJobSaysWhyItCannotStart_noRunningServerOrOnlyQuietOnes_andNothingWhenAServerTakingJobsHasIt() {
        assertThat(JobBacking.unreachable(FunctionReach.NONE)).contains("No running server has this job function.");
        assertThat(JobBacking.unreachable(new FunctionReach(0, 2)))
                .contains("Only quiet servers have this job function: it waits until one of them resumes.");
        assertThat(JobBacking.unreachable(new FunctionReach(1, 3))).isEmpty();
    }

    @Test
    void drawingThePage_remembersTheJobsState_andTellsThePagesOtherBeansWhatItShows() {
        QueueJob job = stored.store(StoredJobs.job("Send mail"));
        page.uuid = job.uuid().toString();

        page.reload();

        assertThat(page.shownState()).isEqualTo(JobState.PENDING);
        assertThat(drawings.fired).containsExactly(new JobBacking.Drawn(JobView.of(job)));
    }

    @Test
    void theViewKeepsTheJobAsDrawn_whileTheDatabaseMovesOn_untilThePageIsDrawnAgain() {
        QueueJob job = stored.store(StoredJobs.job("Send mail"));
        page.uuid = job.uuid().toString();
        page.reload();

        job.cancel("someone else", StoredJobs.NOW);

        assertThat(page.getJob().state()).isEqualTo(JobState.PENDING);
        assertThat(page.stateNow()).contains(JobState.CANCELLED);
        assertThat(page.shownState()).isEqualTo(JobState.PENDING);

        page.reload();

        assertThat(page.getJob().state()).isEqualTo(JobState.CANCELLED);
        assertThat(page.shownState()).isEqualTo(JobState.CANCELLED);
        assertThat(drawings.fired)
                .extracting(drawn -> drawn.job().state())
                .containsExactly(JobState.PENDING, JobState.CANCELLED);
    }

    @Test
    void aJobGoneWhenThePageIsDrawnAgain_keepsTheShownState_andThePagesOtherBeansAreToldItIsGone() {
        QueueJob job = stored.store(StoredJobs.job("Send mail"));
        page.uuid = job.uuid().toString();
        page.reload();

        stored.remove(job);
        page.reload();

        assertThat(page.getJob()).isNull();
        assertThat(page.stateNow()).isEmpty();
        assertThat(page.shownState()).isEqualTo(JobState.PENDING);
        assertThat(drawings.fired).last().isEqualTo(new JobBacking.Drawn(null));
    }

    @Test
    void theEntityBehindTheView_isTheJobAsDrawn() {
        QueueJob job = stored.store(StoredJobs.job("Send mail"));
        page.uuid = job.uuid().toString();

        assertThat(page.entity()).isSameAs(job);
        assertThat(page.getJob()).isEqualTo(JobView.of(job));
        assertThat(stored.finds).as("read once for both").isEqualTo(1);
    }

    @Test
    void theGraphUuid_isShownForAJobOfAGraph_andNoneOutsideOne() {
        QueueJob alone = stored.store(StoredJobs.job("Alone"));
        QueueJob member = StoredJobs.job("Member");
        UUID graph = UUID.randomUUID();
        member.joinGraph(graph, false);
        stored.store(member);

        page.uuid = alone.uuid().toString();
        assertThat(page.getGraphUuid()).isNull();

        JobBacking other = new JobBacking();
        other.jobQueries = stored;
        other.uuid = member.uuid().toString();
        assertThat(other.getGraphUuid()).isEqualTo(graph.toString());
    }
}
