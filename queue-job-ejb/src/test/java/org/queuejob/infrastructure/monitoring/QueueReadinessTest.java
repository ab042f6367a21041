package org.queuejob.infrastructure.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueueReadinessTest {

    @Test
    void schemaVersions_compareAsNumbers_notAsText() {
        assertThat(QueueReadiness.compareVersions("15", "9")).isPositive();
        assertThat(QueueReadiness.compareVersions("9", "15")).isNegative();
        assertThat(QueueReadiness.compareVersions("15", "15")).isZero();
        assertThat(QueueReadiness.compareVersions("15.1", "15")).isPositive();
    }
}
