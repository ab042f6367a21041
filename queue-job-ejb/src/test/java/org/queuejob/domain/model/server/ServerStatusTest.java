package org.queuejob.domain.model.server;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static ServerStatus server(boolean processAlive, Duration sinceHeartbeat) {
        return new ServerStatus(
                "server-1", false, Instant.parse("2026-12-06T05:00:00Z"), sinceHeartbeat, processAlive, 4, 8, 3, 2, 1);
    }
}
