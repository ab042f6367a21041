package org.queuejob.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class AutovacuumConfigTest {

    @Test
    void defaultsRunDailyAtThreeWithChunksOfAThousandAtATenthOfTheTimeAndAFiftiethWhileBusy() {
        AutovacuumConfig config = AutovacuumConfig.defaults();

        assertThat(config.enabled()).isTrue();
        assertThat(config.time()).isEqualTo(LocalTime.of(3, 0));
        assertThat(config.pace().chunkSize()).isEqualTo(1000);
        assertThat(config.pace().maxDuty()).isEqualTo(0.1);
        assertThat(config.yielding().dutyAt(config.pace(), 1)).isEqualTo(0.02);
    }

    @Test
    void valuesAreReadWithSpacesAroundThemAndAnHourOfOneDigit() {
        AutovacuumConfig config = AutovacuumConfig.parse(" FALSE ", " 4:30 ", " 250 ", " 0.25 ", " 0.05 ");

        assertThat(config.enabled()).isFalse();
        assertThat(config.time()).isEqualTo(LocalTime.of(4, 30));
        assertThat(config.pace().chunkSize()).isEqualTo(250);
        assertThat(config.pace().maxDuty()).isEqualTo(0.25);
        assertThat(config.yielding().busyDuty()).isEqualTo(0.05);
    }

    @Test
    void malformedTimeIsRefusedNamingTheSettingAndTheValue() {
        for (String time : new String[] {"3am", "25:00", "03:60", "03", "", "03:00:00"}) {
            assertThatThrownBy(() -> AutovacuumConfig.parse("true", time, "1000", "0.1", "0.02"))
                    .as(time)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("queue-job.autovacuum.time: \"" + time + "\" is not a time of day; write it as HH:mm"
                            + " in the server's time zone, e.g. 03:00.");
        }
    }

    @Test
    void misspelledSwitchIsRefusedRatherThanReadAsFalse() {
        assertThatThrownBy(() -> AutovacuumConfig.parse("ture", "03:00", "1000", "0.1", "0.02"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queue-job.autovacuum.enabled: \"ture\" is neither true nor false.");
    }

    @Test
    void chunkSizeThatIsNotAPositiveWholeNumberIsRefused() {
        for (String size : new String[] {"0", "-5", "1e3", "lots", "100001"}) {
            assertThatThrownBy(() -> AutovacuumConfig.parse("true", "03:00", size, "0.1", "0.02"))
                    .as(size)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(
                            "queue-job.autovacuum.chunk-size: \"" + size + "\" is not a number of jobs");
        }
    }

    @Test
    void dutyOutsideZeroToOneIsRefused() {
        for (String duty : new String[] {"0", "1.5", "-0.1", "10%", "NaN"}) {
            assertThatThrownBy(() -> AutovacuumConfig.parse("true", "03:00", "1000", duty, "0.02"))
                    .as(duty)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(
                            "queue-job.autovacuum.max-duty: \"" + duty + "\" is not a share of the time");
        }
    }

    @Test
    void busyDutyOutsideZeroToOneIsRefusedNamingItsOwnSetting() {
        for (String duty : new String[] {"0", "2", "lots"}) {
            assertThatThrownBy(() -> AutovacuumConfig.parse("true", "03:00", "1000", "0.1", duty))
                    .as(duty)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(
                            "queue-job.autovacuum.busy-duty: \"" + duty + "\" is not a share of the time");
        }
    }

    @Test
    void busyDutyAboveTheMaximumMeansTheRunDoesNotGiveWay() {
        AutovacuumConfig config = AutovacuumConfig.parse("true", "03:00", "1000", "0.01", "0.02");

        assertThat(config.yielding().dutyAt(config.pace(), 1)).isEqualTo(0.01);
    }
}
