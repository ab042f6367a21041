package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.queuejob.application.ServerQueryService;
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

    @Test
    void aQuietServer_saysSinceWhenAndByWhom_andHowManyJobsItStillFinishes_thenThatItCanBeStopped() {
        ServerRow holding = ServersBacking.row(quiet("a", 3));
        ServerRow drained = ServersBacking.row(quiet("a", 0));

        assertThat(holding.quiet()).isTrue();
        assertThat(holding.running()).isTrue();
        assertThat(holding.condition()).isEqualTo("alive");
        assertThat(holding.state())
                .isEqualTo(
                        "Quiet since 2026-12-06 08:10:00 UTC (manager): takes no new jobs, finishes the 3 it holds.");
        assertThat(drained.state())
                .isEqualTo("Quiet since 2026-12-06 08:10:00 UTC (manager), drained: it holds no job and can be"
                        + " stopped.");
    }

    @Test
    void theCardWarns_onlyWhenEveryRunningServerIsQuiet() {
        Server crashed = server(false, Duration.ofSeconds(1), false, 4, 0, 0);

        assertThat(backing(quiet("a", 0), quiet("b", 1), crashed).getWarning())
                .isEqualTo(ServersBacking.NONE_TAKES_JOBS);
        assertThat(backing(quiet("a", 0), server(true, Duration.ZERO, true, 4, 0, 0))
                        .getWarning())
                .isNull();
        assertThat(backing(crashed).getWarning())
                .as("no server runs: the card says so by its conditions, not as quiet")
                .isNull();
    }

    private static ServersBacking backing(Server... servers) {
        ServersBacking backing = new ServersBacking();
        backing.serverQueries = new ServerQueryService() {
            @Override
            public List<Server> servers() {
                return List.of(servers);
            }
        };
        return backing;
    }

    private static Server quiet(String name, long held) {
        Instant since = Instant.parse("2026-12-06T08:10:00Z");
        ServerStatus status =
                new ServerStatus(name, false, since, Duration.ofSeconds(1), true, 4, 8, 3, held, 0, since, "manager");
        return new Server(status, status.condition(DEAD_AFTER), DEAD_AFTER);
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
                started,
                null,
                null);
        Condition condition = status.condition(DEAD_AFTER);
        return new Server(status, condition, DEAD_AFTER);
    }
}
