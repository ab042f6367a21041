package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.queuejob.application.ChannelDeletion;
import org.queuejob.application.ChannelDeletion.Outcome;
import org.queuejob.domain.scheduling.ChannelSpec;

/** What the delete dialog and the page say, for a channel the configuration declares and for one it does not. */
class ChannelRecordsBackingTest {

    private static final ChannelSpec MAIL_ENTRY = new ChannelSpec("root.mail", OptionalInt.of(2), false, 1, false);

    @Test
    void theDialogOfARecordNothingDeclares_saysWhereItsJobsRun_forHowLongTheyAreKept_andWhatElseGoes() {
        ChannelDeletion deletion = new ChannelDeletion(
                "root.mail.eu",
                Outcome.DELETED,
                null,
                false,
                "root.mail",
                7,
                "root.mail",
                3,
                true,
                List.of("root.mail.eu.fr"),
                12,
                1,
                0);

        assertThat(ChannelRecordsBacking.consequences(deletion))
                .containsExactly(
                        "Its jobs (12 waiting, 1 running, 0 failed) then run under root.mail, its nearest configured"
                                + " parent, and share its capacity, as any channel's without settings do; running"
                                + " jobs finish.",
                        "Its done and cancelled jobs are then kept for 7 days, root.mail's (now 3).",
                        "Its pause goes with it: its jobs start again as root.mail allows.",
                        "Its sub-channels with settings of their own keep them: root.mail.eu.fr.",
                        "queue-job.channels does not declare it: no start brings its settings back.");
        assertThat(ChannelRecordsBacking.doneText(deletion))
                .isEqualTo("Channel root.mail.eu deleted: its jobs run under root.mail, as any channel's without"
                        + " settings do.");
    }

    @Test
    void theDialogOfAChannelTheConfigurationNames_saysItsRecordStays_andWhatItGetsBack() {
        ChannelDeletion reset = new ChannelDeletion(
                "root.mail",
                Outcome.RESET_TO_CONFIGURATION,
                MAIL_ENTRY,
                true,
                "root.mail",
                30,
                "root",
                30,
                false,
                List.of(),
                0,
                0,
                0);

        assertThat(ChannelRecordsBacking.consequences(reset))
                .containsExactly(
                        "queue-job.channels has an entry for root.mail, and each start would create its record"
                                + " again; so its record stays, and Delete gives it back what the configuration says:"
                                + " capacity 2, not sequential, throttle 1 s.",
                        "Its removal interval becomes 30 days, root's, as now.",
                        "Its jobs stay in it (0 waiting, 0 running, 0 failed); running jobs finish, new starts follow"
                                + " these settings.");
        assertThat(ChannelRecordsBacking.doneText(reset))
                .isEqualTo("Channel root.mail has what queue-job.channels gives it again: capacity 2, not sequential,"
                        + " throttle 1 s.");
    }

    @Test
    void aChannelTheConfigurationOnlyImplies_isSaidToBeImplied_andUnlimited() {
        ChannelDeletion reset = new ChannelDeletion(
                "root.eu",
                Outcome.RESET_TO_CONFIGURATION,
                ChannelSpec.unlimited("root.eu"),
                false,
                "root.eu",
                30,
                null,
                9,
                true,
                List.of("root.eu.billing"),
                0,
                0,
                0);

        List<String> lines = ChannelRecordsBacking.consequences(reset);

        assertThat(lines.get(0))
                .startsWith("queue-job.channels implies root.eu,")
                .endsWith("unlimited capacity, not sequential, no throttle.");
        assertThat(lines.get(1)).isEqualTo("Its removal interval becomes 30 days, the default (now 9).");
        assertThat(lines.get(2)).isEqualTo("Its pause is lifted: its jobs start again.");
    }

    @Test
    void manySubChannels_areCountedBeyondTheFirstFive() {
        ChannelDeletion deletion = new ChannelDeletion(
                "root.a",
                Outcome.DELETED,
                null,
                false,
                "root",
                30,
                "root",
                30,
                false,
                List.of("root.a.1", "root.a.2", "root.a.3", "root.a.4", "root.a.5", "root.a.6", "root.a.7"),
                0,
                0,
                0);

        assertThat(ChannelRecordsBacking.consequences(deletion))
                .contains("Its sub-channels with settings of their own keep them: root.a.1, root.a.2, root.a.3,"
                        + " root.a.4, root.a.5 and 2 more.");
    }
}
