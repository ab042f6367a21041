package org.queuejob.domain.model.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.channel.RemovalIntervals.RemovalInterval;

class RemovalIntervalsTest {

    @Test
    void aChannelWithoutARecord_takesItsNearestConfiguredAncestorsInterval_andSaysWhich() {
        RemovalIntervals intervals = new RemovalIntervals(Map.of("root", 365, "root.mail", 7));

        assertThat(intervals.forChannel("root.mail.eu.fr")).isEqualTo(new RemovalInterval(7, "root.mail"));
        assertThat(intervals.forChannel("root.billing")).isEqualTo(new RemovalInterval(365, "root"));
    }

    @Test
    void aChannelWithARecord_hasItsOwn() {
        assertThat(new RemovalIntervals(Map.of("root", 365, "root.mail", 7)).forChannel("root.mail"))
                .isEqualTo(new RemovalInterval(7, "root.mail"));
    }

    @Test
    void withoutAnyRecord_theDefaultApplies_fromNoChannel() {
        assertThat(new RemovalIntervals(Map.of()).forChannel("root.reports"))
                .isEqualTo(new RemovalInterval(Channel.DEFAULT_REMOVAL_INTERVAL_DAYS, null));
    }
}
