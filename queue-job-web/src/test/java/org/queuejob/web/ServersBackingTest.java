package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.queuejob.application.ServerQueryService.Server;
import org.queuejob.domain.model.server.ServerStatus;
import org.queuejob.domain.model.server.ServerStatus.Condition;

class ServersBackingTest {

    private static final Duration DEAD_AFTER = Duration.ofSeconds(30);

    @Test
    void aLiveLeader_isShownAliveWithNoExplanation_andItsStartedJobsCounted() {
        ServerRow row = ServersBacking.row(server(true, Duration.ofMillis(2_400), true, 4, 6, 2));

        assertThat(row.leader()).isTrue();
        assertThat(row.condition()).isEqualTo("alive");
        assertThat(row.state()).isNull();
        assertThat(row.lastBeat()).isEqualTo("2.4 s ago");
        assertThat(row.workers()).isEqualTo("4");
        assertThat(row.jobs()).isEqualTo("6 (2 started)");
    }

    @Test
    void aSilentServer_saysForHowLongItWasAllowedToBeSilent_andThatItsJobsGoBack() {
        ServerRow row = ServersBacking.row(server(true, Duration.ofSeconds(310), false, 4, 0, 0));

        assertThat(row.condition()).isEqualTo("silent");
        assertThat(row.state())
                .isEqualTo("No heartbeat for over 30 s (queue-job.dead-after-seconds): taken for dead; its jobs go"
                        + " back to pending.");
        assertThat(row.lastBeat()).isEqualTo("5 min 10 s ago");
        assertThat(row.jobs()).isEqualTo("0");
    }

    @Test
    void aServerWhoseProcessEnded_isShownEnded_andOneWithoutWorkersAsEnqueuingOnly() {
        ServerRow row = ServersBacking.row(server(false, Duration.ofSeconds(1), false, 0, 0, 0));

        assertThat(row.condition()).isEqualTo("ended");
        assertThat(row.state()).startsWith("Its process or its session with the database is gone");
        assertThat(row.workers()).isEqualTo("none (enqueues only)");
    }

    private static Server server(
            boolean processAlive, Duration sinceHeartbeat, boolean leader, int workers, long held, long started) {
        ServerStatus status = new ServerStatus(
                "instance@host/domain",
                leader,
                Instant.parse("2026-12-06T05:00:00Z"),
                sinceHeartbeat,
                processAlive,
                workers,
                workers * 2,
                3,
                held,
                started);
        Condition condition = status.condition(DEAD_AFTER);
        return new Server(status, condition, DEAD_AFTER);
    }
}
