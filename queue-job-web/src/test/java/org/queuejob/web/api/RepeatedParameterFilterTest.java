package org.queuejob.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepeatedParameterFilterTest {

    @Test
    void aSingleValuedParameterGivenTwice_isRefusedNamingIt() {
        assertThat(RepeatedParameterFilter.refusal(Map.of("channel", List.of("root.a", "root.b"))))
                .contains("The query parameter channel is given 2 times; it takes one value.");
    }

    @Test
    void statesMayRepeat_andParametersGivenOnceAreTaken() {
        assertThat(RepeatedParameterFilter.refusal(
                        Map.of("state", List.of("pending", "failed"), "channel", List.of("root"))))
                .isEmpty();
    }
}
