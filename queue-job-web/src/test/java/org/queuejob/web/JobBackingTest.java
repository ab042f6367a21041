package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.queuejob.application.CancelInterrupt;
import org.queuejob.domain.model.server.FunctionReach;

class JobBackingTest {

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
    void aRunningJobCancelledOrSetDone_isSaidToBeInterruptedOrToRunOn_namingTheSetting() {
        assertThat(JobBacking.whatBecomesOfItsRun(new CancelInterrupt(true, "queue-job.cancel-interrupt")))
                .isEqualTo(" If its method is running, its server interrupts it within two seconds"
                        + " (queue-job.cancel-interrupt is true); its work is rolled back.");
        assertThat(JobBacking.whatBecomesOfItsRun(new CancelInterrupt(false, "queue-job.cancel-interrupt.Mail.send")))
                .isEqualTo(" If its method is running, it runs on until it returns"
                        + " (queue-job.cancel-interrupt.Mail.send is false), keeping its channel's slot; its work is"
                        + " then rolled back.");
    }

    @Test
    void aWaitingJobSaysWhyItCannotStart_noRunningServerOrOnlyQuietOnes_andNothingWhenAServerTakingJobsHasIt() {
        assertThat(JobBacking.unreachable(FunctionReach.NONE)).contains("No running server has this job function.");
        assertThat(JobBacking.unreachable(new FunctionReach(0, 2)))
                .contains("Only quiet servers have this job function: it waits until one of them resumes.");
        assertThat(JobBacking.unreachable(new FunctionReach(1, 3))).isEmpty();
    }

    @Test
    void anEtaLeftAsShown_keepsItsSecondsAndFractions_andOneTypedIsTakenAsTyped() {
        Instant stored = Instant.parse("2031-05-04T14:30:45.123Z");
        LocalDateTime shown = JobBacking.shown(stored);

        assertThat(shown).isEqualTo(LocalDateTime.parse("2031-05-04T14:30:45"));
        assertThat(JobBacking.typedEta(shown, stored)).isEqualTo(stored);
        assertThat(JobBacking.typedEta(LocalDateTime.parse("2031-05-04T14:31:00"), stored))
                .isEqualTo(Instant.parse("2031-05-04T14:31:00Z"));
        assertThat(JobBacking.typedEta(null, stored))
                .as("emptied: as soon as possible")
                .isNull();
        assertThat(JobBacking.typedEta(LocalDateTime.parse("2031-05-04T14:30:00"), null))
                .isEqualTo(Instant.parse("2031-05-04T14:30:00Z"));
    }

    @Test
    void aChannelIsComparedAsStored_soMailLeftAsShownIsNoChange() {
        assertThat(JobBacking.completeChannel("mail")).isEqualTo("root.mail");
        assertThat(JobBacking.completeChannel("root.mail")).isEqualTo("root.mail");
        assertThat(JobBacking.completeChannel("root:3"))
                .as("refused later with the grammar's sentence")
                .isEqualTo("root:3");
    }
}
