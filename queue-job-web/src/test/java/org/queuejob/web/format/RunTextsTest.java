package org.queuejob.web.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.autovacuum.LoadYield;

class RunTextsTest {

    @Test
    void durationIsShownInTheUnitThatReadsBest() {
        assertThat(RunTexts.duration(Duration.ofMillis(12_345))).isEqualTo("12.3 s");
        assertThat(RunTexts.duration(Duration.ofSeconds(245))).isEqualTo("4 min 05 s");
        assertThat(RunTexts.duration(Duration.ofMinutes(127))).isEqualTo("2 h 07 min");
    }

    @Test
    void rateShowsWallTimeAndWorkingTime() {
        assertThat(RunTexts.rate(850.4, 8504.2)).isEqualTo("850/s (8,504/s working)");
    }

    @Test
    void bulkPaceSaysHowFarAnActionGivesWayToBusyWorkers() {
        assertThat(RunTexts.pace(new AutovacuumPace(200, 0.5), new LoadYield(0.2)))
                .contains("200 jobs per transaction, working at most 50% of the time, down to 20% while the workers of"
                        + " the server running it are busy;");
        assertThat(RunTexts.pace(new AutovacuumPace(200, 0.5), LoadYield.NONE))
                .contains("200 jobs per transaction, working at most 50% of the time;");
        assertThat(RunTexts.pace(new AutovacuumPace(200, 1), LoadYield.NONE)).contains("200 jobs per transaction;");
    }

    @Test
    void scheduleSaysWhenInTheServersZoneAndHowHard() {
        assertThat(RunTexts.schedule(
                        true,
                        LocalTime.of(3, 0),
                        ZoneId.of("Europe/Paris"),
                        new AutovacuumPace(1000, 0.1),
                        new LoadYield(0.02)))
                .startsWith("Daily at 03:00 (Europe/Paris)")
                .endsWith("1,000 jobs per transaction, working at most 10% of the time, down to 2% while the workers"
                        + " of the server running it are busy.");
        assertThat(RunTexts.schedule(
                        false, LocalTime.of(3, 0), ZoneId.of("UTC"), new AutovacuumPace(500, 1), LoadYield.NONE))
                .startsWith("The daily run is off")
                .endsWith("500 jobs per transaction, working at most 100% of the time.");
        assertThat(RunTexts.schedule(
                        true, LocalTime.of(3, 0), ZoneId.of("UTC"), new AutovacuumPace(500, 0.07), new LoadYield(0.5)))
                .endsWith("working at most 7% of the time.");
    }
}
