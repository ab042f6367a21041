package org.queuejob.domain.model.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobFilterTest {

    @Test
    void creationDatesFromTheYear1ToTheEndOf9999_areTaken_theLastDayOfTheScreensRangeIncluded() {
        Instant endOf9999 = Instant.parse("+10000-01-01T00:00:00Z");

        JobFilter filter = new JobFilter(Set.of(), null, null, Instant.parse("0001-01-01T00:00:00Z"), endOf9999, null);

        assertThat(filter.createdTo()).isEqualTo(endOf9999);
    }

    /** PostgreSQL's timestamptz ends in 294276: the query failed (a 500 from the API) instead of finding no job. */
    @Test
    void aCreationDateOutsideThoseYears_isRefusedWithTheRange() {
        assertThatThrownBy(
                        () -> new JobFilter(Set.of(), null, null, Instant.parse("+300000-01-01T00:00:00Z"), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The creation dates to filter on are from the year 1 to the end of the year 9999 (UTC), not"
                        + " +300000-01-01T00:00:00Z.");
        assertThatThrownBy(() -> new JobFilter(Set.of(), null, null, null, Instant.MIN, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void narrowingToAGroupOrOtherStates_keepsTheServerItWasNarrowedTo() {
        JobFilter held = new JobFilter(Set.of(), null, null, null, null, null, " server-2@host/domain ");

        assertThat(held.worker()).isEqualTo("server-2@host/domain");
        assertThat(held.narrowedTo(JobGrouping.CHANNEL, "root.mail").worker()).isEqualTo("server-2@host/domain");
        assertThat(held.narrowedTo(JobGrouping.STATE, "started").worker()).isEqualTo("server-2@host/domain");
        assertThat(held.withStates(Set.of(JobState.ENQUEUED)).worker()).isEqualTo("server-2@host/domain");
        assertThat(new JobFilter(Set.of(), null, null, null, null, null, " ").worker())
                .isNull();
    }
}
