package org.queuejob.domain.model.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.server.ServerStatus.Condition;

class ServerStatusTest {

    private static final Duration DEAD_AFTER = Duration.ofSeconds(30);

    @Test
    void aServerWhoseLockIsHeldAndThatBeatWithinTheSilenceAllowed_isAlive() {
        assertThat(server(true, Duration.ofSeconds(4)).condition(DEAD_AFTER)).isEqualTo(Condition.ALIVE);
        assertThat(server(true, DEAD_AFTER).condition(DEAD_AFTER))
                .as("silent exactly as long as allowed")
                .isEqualTo(Condition.ALIVE);
    }

    @Test
    void aServerSilentLongerThanAllowed_isSilent_evenWithItsLockHeld() {
        assertThat(server(true, DEAD_AFTER.plusMillis(1)).condition(DEAD_AFTER)).isEqualTo(Condition.SILENT);
    }

    @Test
    void aServerWhoseLockHasNoHolder_hasEnded_howeverRecentItsBeat() {
        assertThat(server(false, Duration.ofSeconds(1)).condition(DEAD_AFTER)).isEqualTo(Condition.PROCESS_ENDED);
        assertThat(server(false, Duration.ofHours(2)).condition(DEAD_AFTER)).isEqualTo(Condition.PROCESS_ENDED);
    }

    @Test
    void aQuietServerIsDrainedOnceItHoldsNoJob_oneThatTakesJobsNeverIs() {
        Instant since = Instant.parse("2026-12-06T08:00:00Z");
        ServerStatus holding = quiet(since, 2);
        ServerStatus empty = quiet(since, 0);

        assertThat(holding.quiet()).isTrue();
        assertThat(holding.drained()).isFalse();
        assertThat(empty.drained()).isTrue();
        assertThat(server(true, Duration.ZERO).quiet()).isFalse();
        assertThat(server(true, Duration.ZERO).drained())
                .as("holds jobs, but takes new ones")
                .isFalse();
    }

    @Test
    void onlyAServerTheLeaderTakesForAliveCanBeMadeQuiet_theRefusalSaysWhatItIs() {
        server(true, Duration.ofSeconds(4)).requireRunning(DEAD_AFTER);

        assertThatThrownBy(() -> server(false, Duration.ofSeconds(1)).requireRunning(DEAD_AFTER))
                .isInstanceOf(ServerNotRunningException.class)
                .hasMessage("Server server-1 is ended, not running: there is nothing to make quiet (the leader sends"
                        + " its jobs back to pending).");
        assertThatThrownBy(() -> server(true, Duration.ofMinutes(1)).requireRunning(DEAD_AFTER))
                .hasMessageStartingWith("Server server-1 is silent, not running");
    }

    private static ServerStatus server(boolean processAlive, Duration sinceHeartbeat) {
        return new ServerStatus(
                "server-1",
                false,
                Instant.parse("2026-12-06T05:00:00Z"),
                sinceHeartbeat,
                processAlive,
                4,
                8,
                3,
                2,
                1,
                null,
                null);
    }

    private static ServerStatus quiet(Instant since, long jobsHeld) {
        return new ServerStatus("server-1", false, since, Duration.ZERO, true, 4, 8, 3, jobsHeld, 0, since, "manager");
    }
}
