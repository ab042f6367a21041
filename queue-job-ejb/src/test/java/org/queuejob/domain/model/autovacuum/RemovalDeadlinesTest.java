package org.queuejob.domain.model.autovacuum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.channel.RemovalIntervals;

class RemovalDeadlinesTest {

    private static final Instant AS_OF = Instant.parse("2026-03-31T03:00:00Z");

    @Test
    void configuredChannelKeepsItsJobsForItsOwnInterval() {
        RemovalDeadlines deadlines =
                new RemovalDeadlines(new RemovalIntervals(Map.of("root", 30, "root.mail", 7)), AS_OF);

        assertThat(deadlines.deadline("root.mail")).isEqualTo(AS_OF.minus(Duration.ofDays(7)));
        assertThat(deadlines.deadline("root")).isEqualTo(AS_OF.minus(Duration.ofDays(30)));
    }

    @Test
    void channelWithoutRecordTakesItsNearestConfiguredAncestorsInterval() {
        RemovalDeadlines deadlines = new RemovalDeadlines(
                new RemovalIntervals(Map.of("root", 30, "root.mail", 7, "root.mail.eu.fr", 2)), AS_OF);

        assertThat(deadlines.intervalDays("root.mail.eu")).isEqualTo(7);
        assertThat(deadlines.intervalDays("root.mail.eu.de.berlin")).isEqualTo(7);
        assertThat(deadlines.intervalDays("root.mail.eu.fr.paris")).isEqualTo(2);
        assertThat(deadlines.intervalDays("root.billing")).isEqualTo(30);
    }

    @Test
    void withoutAnyRecordEveryChannelKeepsItsJobsThirtyDays() {
        RemovalDeadlines deadlines = new RemovalDeadlines(new RemovalIntervals(Map.of()), AS_OF);

        assertThat(deadlines.intervalDays("root")).isEqualTo(30);
        assertThat(deadlines.deadline("root.reports.monthly")).isEqualTo(AS_OF.minus(Duration.ofDays(30)));
    }

    @Test
    void rootsRecordIsTheLastResortEvenForNamesOutsideTheTree() {
        RemovalDeadlines deadlines = new RemovalDeadlines(new RemovalIntervals(Map.of("root", 90)), AS_OF);

        assertThat(deadlines.intervalDays("root.a.b")).isEqualTo(90);
        assertThat(deadlines.intervalDays("stray")).isEqualTo(90);
    }
}
