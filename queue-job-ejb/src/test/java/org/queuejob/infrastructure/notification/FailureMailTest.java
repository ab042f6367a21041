package org.queuejob.infrastructure.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.queuejob.api.JobFailed;

class FailureMailTest {

    private static final UUID JOB = UUID.fromString("0b5c8a4e-6f1d-4c3a-9e2b-7d8f0a1b2c3d");

    private static JobFailed failedWith(String message) {
        return new JobFailed(
                JOB,
                "org.example.Billing.charge",
                "root.billing",
                3,
                "java.lang.IllegalStateException",
                message,
                Instant.parse("2026-12-07T22:30:00Z"));
    }

    @Test
    void aOneLineMessage_isWrittenAsBefore() {
        assertThat(FailureMail.body(failedWith("card declined"), Optional.of("https://ops.example/queue-job")))
                .isEqualTo("""
                        A job failed and waits for someone to requeue, set done or cancel it.

                        Job:       0b5c8a4e-6f1d-4c3a-9e2b-7d8f0a1b2c3d
                        Function:  org.example.Billing.charge
                        Channel:   root.billing
                        Try:       3
                        Failed at: 2026-12-07T22:30:00Z
                        Exception: java.lang.IllegalStateException
                        Message:   card declined

                        https://ops.example/queue-job/job.xhtml?uuid=0b5c8a4e-6f1d-4c3a-9e2b-7d8f0a1b2c3d
                        """);
    }

    @Test
    void aMessagesFurtherLines_areIndentedUnderItsFirst_soNoneCanPoseAsAFieldOrLink() {
        String forged = "card declined\r\n\r\nJob:       https://evil.example/login\rChannel:   root\u2028Try: 1\n";

        String body = FailureMail.body(failedWith(forged), Optional.of("https://ops.example/queue-job"));

        assertThat(body).contains("""
                        Exception: java.lang.IllegalStateException
                        Message:   card declined
                                  \s
                                   Job:       https://evil.example/login
                                   Channel:   root
                                   Try: 1
                                  \s

                        https://ops.example/queue-job/job.xhtml?uuid=0b5c8a4e-6f1d-4c3a-9e2b-7d8f0a1b2c3d
                        """);
        assertThat(body).doesNotContain("\r").doesNotContain("\u2028");
        assertThat(body.lines().filter(line -> line.startsWith("Job:")))
                .containsExactly("Job:       0b5c8a4e-6f1d-4c3a-9e2b-7d8f0a1b2c3d");
        assertThat(body.lines().filter(line -> line.startsWith("https://")))
                .containsExactly("https://ops.example/queue-job/job.xhtml?uuid=0b5c8a4e-6f1d-4c3a-9e2b-7d8f0a1b2c3d");
    }

    @Test
    void noMessage_isWrittenAsNone_notAsTheWordNull() {
        assertThat(FailureMail.body(failedWith(null), Optional.empty()))
                .endsWith("Exception: java.lang.IllegalStateException\nMessage:   (none)\n");
        assertThat(FailureMail.body(failedWith(" "), Optional.empty())).endsWith("Message:   (none)\n");
    }

    @Test
    void aLongMessage_isCutInTheMail_sayingHowLongItWasAndWhereToReadItWhole() {
        String message = "x".repeat(FailureMail.MAX_MESSAGE_LENGTH - 1) + "\uD83D\uDE00" + "y".repeat(100_000);

        String body = FailureMail.body(failedWith(message), Optional.of("https://ops.example/queue-job"));

        String shown = "x".repeat(FailureMail.MAX_MESSAGE_LENGTH - 1);
        assertThat(body)
                .contains("Message:   " + shown + "\u2026\n"
                        + "           (cut: 102001 characters in all; the job's page shows the whole message)\n")
                .doesNotContain("yy")
                .doesNotContain("\uD83D")
                .endsWith("https://ops.example/queue-job/job.xhtml?uuid=0b5c8a4e-6f1d-4c3a-9e2b-7d8f0a1b2c3d\n");
    }

    @Test
    void aMessageOfExactlyTheLimit_isWrittenWhole() {
        String message = "z".repeat(FailureMail.MAX_MESSAGE_LENGTH);

        assertThat(FailureMail.body(failedWith(message), Optional.empty())).endsWith("Message:   " + message + "\n");
    }
}
