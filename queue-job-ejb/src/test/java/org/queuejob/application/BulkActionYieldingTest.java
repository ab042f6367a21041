package org.queuejob.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;

class BulkActionYieldingTest {

    @Test
    void byDefaultAnActionWorksAFifthOfTheTimeWhileEveryWorkerIsBusy() {
        BulkActionService service = service(BulkActionService.DEFAULT_BUSY_DUTY);
        AutovacuumPace pace = new AutovacuumPace(200, Double.parseDouble(BulkActionService.DEFAULT_MAX_DUTY));

        assertThat(service.yielding().dutyAt(pace, 1)).isEqualTo(0.2);
        assertThat(service.yielding().dutyAt(pace, 0.5)).isEqualTo(0.35);
        assertThat(service.yielding().dutyAt(pace, 0)).isEqualTo(0.5);
    }

    @Test
    void aBusyDutyAboveTheMaximumMeansTheActionDoesNotGiveWay() {
        AutovacuumPace pace = new AutovacuumPace(200, 0.5);

        assertThat(service("1").yielding().dutyAt(pace, 1)).isEqualTo(0.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0.1", "1.5", "half", ""})
    void aBusyDutyThatIsNotAShareOfTheTimeIsRefusedNamingItsSetting(String value) {
        assertThatThrownBy(() -> service(value).yielding())
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("queue-job.bulk.busy-duty: \"" + value + "\" is not a share of the time; write a number"
                        + " greater than 0 and at most 1, e.g. 0.1 (work a tenth of the time, pause the rest).");
    }

    private static BulkActionService service(String busyDuty) {
        BulkActionService service = new BulkActionService();
        service.busyDuty = busyDuty;
        return service;
    }
}
