package org.queuejob.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueueJobSettingsCheckTest {

    @Test
    void theDefaultsPass() {
        assertThat(problems(Map.of())).isEmpty();
    }

    @Test
    void theSettingsOfTheSampleTheTestsAndTheBenchmarkPass() {
        // src-it's it-microprofile-config.properties, BulkActionIT's and AutovacuumIT's, queue-job-bench's.
        assertThat(problems(Map.of("queue-job.poll-interval-ms", "200", "queue-job.max-arguments-bytes", "10000")))
                .isEmpty();
        assertThat(problems(Map.of("queue-job.heartbeat-seconds", "1", "queue-job.dead-after-seconds", "600")))
                .isEmpty();
        assertThat(problems(Map.of(
                        "queue-job.workers", "20",
                        "queue-job.prefetch", "60",
                        "queue-job.claim-batch-size", "200")))
                .isEmpty();
    }

    @Test
    void dispatchEnabledIsTrueOrFalseInAnyCase_anythingElseIsRefusedRatherThanReadAsFalse() {
        assertThat(problems(Map.of("queue-job.dispatch-enabled", " FALSE "))).isEmpty();
        assertThat(problems(Map.of("queue-job.dispatch-enabled", "True"))).isEmpty();

        for (String value : new String[] {"ture", "1", "yes", "off"}) {
            assertThat(problems(Map.of("queue-job.dispatch-enabled", value)))
                    .as(value)
                    .containsExactly("queue-job.dispatch-enabled: \"" + value + "\" is neither true nor false.");
        }
    }

    @Test
    void aClaimBatchOfNoJobWhichWouldNeverDispatchAnythingIsRefusedNamingTheSettingTheValueAndTheRange() {
        for (String value : new String[] {"0", "-1", "ten", "1.5"}) {
            assertThat(problems(Map.of("queue-job.claim-batch-size", value)))
                    .as(value)
                    .containsExactly(
                            "queue-job.claim-batch-size: \"" + value + "\" is not a whole number of jobs, 1 or more.");
        }
        assertThat(problems(Map.of("queue-job.claim-batch-size", " 1 "))).isEmpty();
    }

    @Test
    void workersOutsideOneToTheExecutorsSixtyFourThreadsAreRefusedRatherThanClamped() {
        assertThat(problems(Map.of("queue-job.workers", "65")))
                .containsExactly("queue-job.workers: \"65\" is not a whole number of workers from 1 to 64.");
        assertThat(problems(Map.of("queue-job.workers", "0")))
                .containsExactly("queue-job.workers: \"0\" is not a whole number of workers from 1 to 64.");
        assertThat(problems(Map.of("queue-job.workers", "64"))).isEmpty();
        assertThat(problems(Map.of("queue-job.workers", "1"))).isEmpty();
    }

    @Test
    void aNegativePrefetchIsRefused_noneIsAllowed() {
        assertThat(problems(Map.of("queue-job.prefetch", "-1")))
                .containsExactly("queue-job.prefetch: \"-1\" is not a whole number of jobs from 0 to 100000.");
        assertThat(problems(Map.of("queue-job.prefetch", "0"))).isEmpty();
    }

    @Test
    void aHeartbeatThatWithAPollIntervalIsNotShorterThanDeadAfterIsRefused_liveServersWouldBeTakenForDead() {
        assertThat(problems(Map.of("queue-job.heartbeat-seconds", "30")))
                .containsExactly("queue-job.dead-after-seconds (30 s) must be longer than queue-job.heartbeat-seconds"
                        + " (30 s) plus queue-job.poll-interval-ms (1000 ms): a server beats at its first poll after"
                        + " each heartbeat interval, so it would be taken for dead while alive and its running jobs"
                        + " sent back to pending.");
        // Beats happen at polls: a poll interval longer than dead-after leaves a live server silent too long.
        assertThat(problems(Map.of("queue-job.poll-interval-ms", "40000")))
                .singleElement()
                .asString()
                .startsWith("queue-job.dead-after-seconds (30 s) must be longer than queue-job.heartbeat-seconds (5 s)"
                        + " plus queue-job.poll-interval-ms (40000 ms)");
        // Exactly dead-after between two beats is already too long; a millisecond less is not.
        assertThat(problems(Map.of("queue-job.dead-after-seconds", "7", "queue-job.poll-interval-ms", "2000")))
                .hasSize(1);
        assertThat(problems(Map.of("queue-job.dead-after-seconds", "7", "queue-job.poll-interval-ms", "1999")))
                .isEmpty();
    }

    @Test
    void timesOfNothingAreRefused_aShutdownTimeoutOfZeroWaitsForNoJob() {
        assertThat(problems(Map.of(
                        "queue-job.poll-interval-ms", "0",
                        "queue-job.heartbeat-seconds", "0",
                        "queue-job.dead-after-seconds", "-30",
                        "queue-job.shutdown-timeout-seconds", "-1")))
                .containsExactly(
                        "queue-job.poll-interval-ms: \"0\" is not a whole number of ms, 1 or more.",
                        "queue-job.heartbeat-seconds: \"0\" is not a whole number of seconds, 1 or more.",
                        "queue-job.dead-after-seconds: \"-30\" is not a whole number of seconds, 1 or more.",
                        "queue-job.shutdown-timeout-seconds: \"-1\" is not a whole number of seconds, 0 or more.");
        assertThat(problems(Map.of("queue-job.shutdown-timeout-seconds", "0"))).isEmpty();
    }

    @Test
    void anArgumentsLimitBelowTheTwoBytesOfNoArgumentsIsRefused() {
        assertThat(problems(Map.of("queue-job.max-arguments-bytes", "1")))
                .containsExactly("queue-job.max-arguments-bytes: \"1\" is not a whole number of bytes, 2 or more.");
        assertThat(problems(Map.of("queue-job.max-arguments-bytes", "2"))).isEmpty();
    }

    @Test
    void aSlotLeaseOfZeroOrLessGivesEverySlotBack_onlyAValueThatIsNoWholeNumberIsRefused() {
        assertThat(problems(Map.of("queue-job.slot-lease-ms", "-5"))).isEmpty();
        assertThat(problems(Map.of("queue-job.slot-lease-ms", "1s")))
                .containsExactly("queue-job.slot-lease-ms: \"1s\" is not a whole number of ms.");
    }

    @Test
    void theBulkActionsHealthAndMailSettingsAreCheckedAtDeploymentTooRatherThanAtTheirFirstUse() {
        assertThat(problems(Map.of(
                        "queue-job.bulk.chunk-size", "0",
                        "queue-job.bulk.max-duty", "2",
                        "queue-job.bulk.busy-duty", "0",
                        "queue-job.health.stuck-after-seconds", "0",
                        "queue-job.mail.max-per-window", "-1",
                        "queue-job.mail.window-seconds", "0")))
                .containsExactly(
                        "queue-job.bulk.chunk-size: \"0\" is not a whole number of jobs from 1 to 100000.",
                        "queue-job.bulk.max-duty: \"2\" is not a share of the time; write a number greater than 0"
                                + " and at most 1, e.g. 0.1 (work a tenth of the time, pause the rest).",
                        "queue-job.bulk.busy-duty: \"0\" is not a share of the time; write a number greater than 0"
                                + " and at most 1, e.g. 0.1 (work a tenth of the time, pause the rest).",
                        "queue-job.health.stuck-after-seconds: \"0\" is not a whole number of seconds, 1 or more.",
                        "queue-job.mail.max-per-window: \"-1\" is not a whole number of mails, 0 or more.",
                        "queue-job.mail.window-seconds: \"0\" is not a whole number of seconds, 1 or more.");
        assertThat(problems(Map.of(
                        "queue-job.bulk.chunk-size", "200",
                        "queue-job.bulk.max-duty", "1",
                        "queue-job.bulk.busy-duty", "0.2",
                        "queue-job.mail.max-per-window", "0")))
                .isEmpty();
    }

    @Test
    void everyBadSettingIsNamed_notOnlyTheFirst() {
        assertThat(problems(Map.of(
                        "queue-job.workers", "100",
                        "queue-job.claim-batch-size", "0",
                        "queue-job.dispatch-enabled", "ture")))
                .hasSize(3);
    }

    @Test
    void theStrictBooleanGivesTrueAndFalseInAnyCase_andRefusesTheRestNamingTheSetting() {
        assertThat(QueueJobSettingsCheck.bool("x", " TRUE ")).isTrue();
        assertThat(QueueJobSettingsCheck.bool("x", "false")).isFalse();
        assertThatThrownBy(() -> QueueJobSettingsCheck.bool("queue-job.x", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queue-job.x: \"\" is neither true nor false.");
    }

    private static List<String> problems(Map<String, String> settings) {
        return QueueJobSettingsCheck.problems(name -> Optional.ofNullable(settings.get(name)));
    }
}
