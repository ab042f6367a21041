package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.job.JobOptions;
import org.queuejob.domain.model.job.QueueJob;

class JobEditBackingTest {

    private final JobEditBacking form = new JobEditBacking();

    @Test
    void anEtaLeftAsShown_keepsItsSecondsAndFractions_andOneTypedIsTakenAsTyped() {
        Instant stored = Instant.parse("2031-05-04T14:30:45.123Z");
        LocalDateTime shown = JobEditBacking.shown(stored);

        assertThat(shown).isEqualTo(LocalDateTime.parse("2031-05-04T14:30:45"));
        assertThat(JobEditBacking.typedEta(shown, stored)).isEqualTo(stored);
        assertThat(JobEditBacking.typedEta(LocalDateTime.parse("2031-05-04T14:31:00"), stored))
                .isEqualTo(Instant.parse("2031-05-04T14:31:00Z"));
        assertThat(JobEditBacking.typedEta(null, stored))
                .as("emptied: as soon as possible")
                .isNull();
        assertThat(JobEditBacking.typedEta(LocalDateTime.parse("2031-05-04T14:30:00"), null))
                .isEqualTo(Instant.parse("2031-05-04T14:30:00Z"));
    }

    @Test
    void aChannelIsComparedAsStored_soMailLeftAsShownIsNoChange() {
        assertThat(JobEditBacking.completeChannel("mail")).isEqualTo("root.mail");
        assertThat(JobEditBacking.completeChannel("root.mail")).isEqualTo("root.mail");
        assertThat(JobEditBacking.completeChannel("root:3"))
                .as("refused later with the grammar's sentence")
                .isEqualTo("root:3");
    }

    @Test
    void thePageDrawnFromAJob_fillsTheFormWithItsPriorityEtaToTheSecondAndChannel_droppingWhatWasTyped() {
        form.setEditPriority(99);
        form.setEditEta(LocalDateTime.parse("2040-01-01T00:00:00"));
        form.setEditChannel("typed");
        QueueJob job = new QueueJob(
                "org.example.Jobs.run",
                "[]",
                new JobOptions(7, Instant.parse("2031-05-04T14:30:45.123Z"), 5, "Later", "root.mail", null),
                "test",
                StoredJobs.NOW);

        form.fill(new JobBacking.Drawn(JobView.of(job)));

        assertThat(form.getEditPriority()).isEqualTo(7);
        assertThat(form.getEditEta()).isEqualTo(LocalDateTime.parse("2031-05-04T14:30:45"));
        assertThat(form.getEditChannel()).isEqualTo("root.mail");
    }

    @Test
    void thePageFindingTheJobGone_leavesTheFormAsItWas() {
        form.setEditPriority(99);
        form.setEditChannel("typed");

        form.fill(new JobBacking.Drawn(null));

        assertThat(form.getEditPriority()).isEqualTo(99);
        assertThat(form.getEditChannel()).isEqualTo("typed");
    }
}
