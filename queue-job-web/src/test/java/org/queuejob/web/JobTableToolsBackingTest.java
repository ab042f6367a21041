package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobTableToolsBackingTest {

    @Test
    void theOptionalColumns_areHiddenUntilChosen_theOthersShown() {
        JobTableToolsBacking tools = new JobTableToolsBacking();

        assertThat(tools.visible("colUuid")).isFalse();
        assertThat(tools.visible("colPriority")).isFalse();
        assertThat(tools.visible("colDescription")).isTrue();
        assertThat(tools.visible("colState")).isTrue();
    }
}
